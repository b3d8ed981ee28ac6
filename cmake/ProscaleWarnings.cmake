# Warnings for proscale's own targets (not for third-party headers).
function(proscale_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow)
endfunction()

#include "analysis/Correlation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace proscale {
namespace {

std::string significant(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4g", v);
  return buffer;
}

// The quadratic surface's products: pairs (i, j), i <= j, in the order of its columns.
std::vector<std::pair<std::size_t, std::size_t>> products(std::size_t m) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t j = i; j < m; ++j) out.emplace_back(i, j);
  return out;
}

// "observations 3, 17" (their labels, or 1-based), the first ten.
std::string listed(const CorrelationData& d, const std::vector<std::size_t>& rows) {
  std::string out = d.observation + (rows.size() == 1 ? " " : "s ");
  for (std::size_t k = 0; k < rows.size() && k < 10; ++k)
    out += (k ? ", " : "") + (d.labels.empty() ? std::to_string(rows[k] + 1) : d.labels[rows[k]]);
  if (rows.size() > 10) out += ", ...";
  return out;
}

void checkValues(const CorrelationData& d, CorrelationForm form) {
  const std::size_t n = d.y.size(), m = d.inputs.size();
  if (d.x.size() != n || (!d.labels.empty() && d.labels.size() != n))
    throw std::invalid_argument("correlation: inputs, response and labels differ in length");
  for (const auto& row : d.x)
    if (row.size() != m) throw std::invalid_argument("correlation: an observation lacks an input");
  auto check = [&](const std::string& name, auto value) {
    std::vector<std::size_t> nonFinite, nonPositive;
    for (std::size_t k = 0; k < n; ++k) {
      const double v = value(k);
      if (!std::isfinite(v)) nonFinite.push_back(k);
      else if (form == CorrelationForm::PowerLaw && !(v > 0.0)) nonPositive.push_back(k);
    }
    if (!nonFinite.empty())
      throw std::invalid_argument("correlation: " + name + " is not a finite number in " +
                                  std::to_string(nonFinite.size()) + " of " + std::to_string(n) +
                                  " " + d.observation + "s (" + listed(d, nonFinite) + ")");
    if (!nonPositive.empty())
      throw std::invalid_argument("correlation: a power law needs positive values, and " + name +
                                  " is zero or negative in " + std::to_string(nonPositive.size()) +
                                  " of " + std::to_string(n) + " " + d.observation + "s (" +
                                  listed(d, nonPositive) + ")");
  };
  check(d.response, [&](std::size_t k) { return d.y[k]; });
  for (std::size_t i = 0; i < m; ++i) check(d.inputs[i], [&](std::size_t k) { return d.x[k][i]; });
}

// One row of the design matrix for inputs x.
Eigen::RowVectorXd designRow(CorrelationForm form, const std::vector<double>& x) {
  const std::size_t m = x.size();
  if (form == CorrelationForm::PowerLaw) {
    Eigen::RowVectorXd r(static_cast<Eigen::Index>(m + 1));
    r(0) = 1.0;
    for (std::size_t i = 0; i < m; ++i) r(static_cast<Eigen::Index>(i + 1)) = std::log(x[i]);
    return r;
  }
  const auto pairs = products(m);
  Eigen::RowVectorXd r(static_cast<Eigen::Index>(1 + m + pairs.size()));
  r(0) = 1.0;
  for (std::size_t i = 0; i < m; ++i) r(static_cast<Eigen::Index>(i + 1)) = x[i];
  for (std::size_t p = 0; p < pairs.size(); ++p)
    r(static_cast<Eigen::Index>(1 + m + p)) = x[pairs[p].first] * x[pairs[p].second];
  return r;
}

std::string productName(const std::vector<std::string>& inputs, std::pair<std::size_t, std::size_t> p) {
  return p.first == p.second ? inputs[p.first] + "^2" : inputs[p.first] + "*" + inputs[p.second];
}

}  // namespace

Correlation correlate(const CorrelationData& data, CorrelationForm form, std::size_t folds) {
  checkValues(data, form);
  const std::size_t n = data.y.size(), m = data.inputs.size();
  std::vector<std::string> terms;
  if (form == CorrelationForm::PowerLaw) {
    terms.push_back("log a");
    for (const std::string& x : data.inputs) terms.push_back("b_" + x);
  } else {
    terms.push_back("c_0");
    for (const std::string& x : data.inputs) terms.push_back(x);
    for (const auto& p : products(m)) terms.push_back(productName(data.inputs, p));
  }
  Eigen::MatrixXd X(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(terms.size()));
  Eigen::VectorXd y(static_cast<Eigen::Index>(n));
  for (std::size_t k = 0; k < n; ++k) {
    X.row(static_cast<Eigen::Index>(k)) = designRow(form, data.x[k]);
    y(static_cast<Eigen::Index>(k)) = form == CorrelationForm::PowerLaw ? std::log(data.y[k]) : data.y[k];
  }
  Correlation c;
  c.form = form;
  c.response = data.response;
  c.inputs = data.inputs;
  c.fit = leastSquares(X, y, terms);
  c.folds = folds == 0 ? std::min<std::size_t>(5, n) : folds;
  c.crossValidatedError = crossValidatedError(X, y, c.folds);
  return c;
}

double Correlation::predict(const std::vector<double>& x) const {
  const double linear = designRow(form, x).dot(fit.coefficients);
  return form == CorrelationForm::PowerLaw ? std::exp(linear) : linear;
}

std::string Correlation::equation() const {
  const Eigen::VectorXd& b = fit.coefficients;
  std::string out = response + " = ";
  if (form == CorrelationForm::PowerLaw) {
    out += significant(std::exp(b(0)));
    for (std::size_t i = 0; i < inputs.size(); ++i)
      out += " * " + inputs[i] + "^" + significant(b(static_cast<Eigen::Index>(i + 1)));
    return out;
  }
  out += significant(b(0));
  std::vector<std::string> names = inputs;
  for (const auto& p : products(inputs.size())) names.push_back(productName(inputs, p));
  for (std::size_t t = 0; t < names.size(); ++t) {
    const double v = b(static_cast<Eigen::Index>(t + 1));
    out += (v < 0 ? " - " : " + ") + significant(std::abs(v)) + " * " + names[t];
  }
  return out;
}

std::string Correlation::latex() const {
  const Eigen::VectorXd& b = fit.coefficients;
  auto number = [](double v) {
    const std::string s = significant(v);
    const std::size_t e = s.find('e');
    if (e == std::string::npos) return s;
    return s.substr(0, e) + " \\times 10^{" + std::to_string(std::stoi(s.substr(e + 1))) + "}";
  };
  // Names in upright type, with the characters LaTeX gives a meaning escaped (d50\_volume).
  auto name = [](const std::string& s) {
    std::string escaped;
    for (char c : s) escaped += c == '_' || c == '%' || c == '#' || c == '&' ? std::string("\\") + c : std::string(1, c);
    return "\\mathrm{" + escaped + "}";
  };
  std::string out = name(response) + " = ";
  if (form == CorrelationForm::PowerLaw) {
    out += number(std::exp(b(0)));
    for (std::size_t i = 0; i < inputs.size(); ++i)
      out += "\\," + name(inputs[i]) + "^{" + significant(b(static_cast<Eigen::Index>(i + 1))) + "}";
    return out;
  }
  out += number(b(0));
  const std::size_t m = inputs.size();
  const auto pairs = products(m);
  for (std::size_t t = 0; t < m + pairs.size(); ++t) {
    const double v = b(static_cast<Eigen::Index>(t + 1));
    const std::string term = t < m ? name(inputs[t])
                             : pairs[t - m].first == pairs[t - m].second
                                 ? name(inputs[pairs[t - m].first]) + "^{2}"
                                 : name(inputs[pairs[t - m].first]) + "\\," + name(inputs[pairs[t - m].second]);
    out += (v < 0 ? " - " : " + ") + number(std::abs(v)) + "\\," + term;
  }
  return out;
}

}  // namespace proscale

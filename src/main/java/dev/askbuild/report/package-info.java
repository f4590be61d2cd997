/**
 * The reports of a check: {@code checks.json}, JUnit XML, {@code report.html}, {@code SHA256SUMS},
 * {@code provenance.json}. Uses {@code core} and {@code check}.
 */
package dev.askbuild.report;

/**
 * The {@code askbuild} command line: a thin adapter from options to the engine, one subcommand per
 * stage; the only place that prints and maps outcomes to exit codes. Uses the engine, never
 * {@code jenkins}.
 */
package dev.askbuild.cli;

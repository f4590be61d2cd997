/**
 * The engine's floor, used by every other package and using none of them: exit codes and the one
 * exception that carries them, the one process runner, messages and progress, toolchains, trusted
 * files (a hash proved once), file trees, {@code .config} reading and patch application.
 */
package dev.askbuild.core;

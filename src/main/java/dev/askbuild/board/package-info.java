/**
 * Boards as data: a board's {@code profile.json}, {@code compile.json}, {@code kernel.config} and
 * pinned hashes, read from the jar's resources ({@code boards.list} names them), and what a board
 * needs on the build host ({@link dev.askbuild.board.HostDoctor}). Uses only {@code core}. A new
 * board is a new resource directory and a line in {@code boards.list}, not code.
 */
package dev.askbuild.board;

/**
 * The Jenkins layer's behaviour, free of Jenkins so every build tests it: step parameters and their
 * validation, the engine's per-stage command line, its {@code --json} result as the map a step
 * returns, secret files and log masking, the build-page summary and the {@code .hpi} layout. The
 * glue in {@code dev.askbuild.jenkins.steps} (compiled only by the {@code jenkins} Maven profile)
 * calls these and nothing else does the work.
 */
package dev.askbuild.jenkins.adapter;

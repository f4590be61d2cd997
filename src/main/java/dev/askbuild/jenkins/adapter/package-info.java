/**
 * The Jenkins layer's behaviour that needs no Jenkins, so every build tests it: the engine options
 * a Java step or the freestyle builder passes on, the engine's {@code --json} result as the map a
 * step returns, the engine jar's placement on an agent, the build-page summary and the {@code .hpi}
 * layout. The glue in {@code dev.askbuild.jenkins.steps} (compiled only by the {@code jenkins}
 * Maven profile) calls these; the plugin jar carries them, and no engine class.
 */
package dev.askbuild.jenkins.adapter;

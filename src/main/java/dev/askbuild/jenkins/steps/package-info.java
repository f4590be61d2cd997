/**
 * The Jenkins glue, compiled only by the {@code jenkins} Maven profile: Step and Descriptor
 * classes, executions, the freestyle builder and the build action. Each method is a few lines that
 * call {@code dev.askbuild.jenkins.adapter}, which holds the behaviour and is tested in every
 * build.
 */
package dev.askbuild.jenkins.steps;

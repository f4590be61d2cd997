/**
 * What {@code askBuild} asks the engine before any stage: run on the agent from the engine jar by
 * the {@code askEngine} step (and by the job form through an isolated class loader), it answers
 * with the engine's own API (boards, targets, components, the stage plan), so the Pipeline side
 * keeps no copy of the engine's rules or lists.
 */
package dev.askbuild.jenkins.plan;

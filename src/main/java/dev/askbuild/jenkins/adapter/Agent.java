package dev.askbuild.jenkins.adapter;

/**
 * Where a step runs: the agent's files, its own Java, the workspace, the workspace's temporary
 * directory (for secret files, as {@code WorkspaceList.tempDir}) and the agent's root directory
 * (for the engine jar cache).
 */
public record Agent(AgentFiles files, String java, String workspace, String tempDir, String root) {}

/**
 * One board run: the one table of stages ({@link dev.askbuild.job.Stage}), the one translation of a
 * board and a run's options into each stage's request ({@code StageRequests}), each stage's typed
 * summary ({@link dev.askbuild.job.StageSummary}), the state a stage leaves for the next process,
 * the manifest, the check-and-report every caller uses ({@code DistCheck}), and the {@link dev.askbuild.job.Catalog}
 * front ends ask. Composes every stage package; no stage package uses it.
 */
package dev.askbuild.job;

package dev.askbuild.check;

import java.io.Serializable;

/** What the report records about the kernel the modules were checked against. */
public record KernelFacts(String dir, String release, String configSha256, String symversSha256, boolean modversions)
    implements Serializable {}

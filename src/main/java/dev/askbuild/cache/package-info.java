/**
 * What makes the stage cache safe to share and cheap to refill: the compiler cache the building
 * stages run their compilers through, the lock that lets one build of a missing entry run while the
 * others wait, the manifest of hashes an entry is checked against on every hit, and the export and
 * import of an entry between caches (Jenkins agents).
 */
package dev.askbuild.cache;

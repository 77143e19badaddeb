package org.infodesk.protocol.bundle;

/**
 * The bounds a bundle reader holds a file to ({@code SPEC.md} §5.4), checked while reading: the
 * sizes a zip's headers claim are never trusted.
 *
 * @param maxFileBytes     the file as stored (compressed)
 * @param maxEntries       entries of the zip, the manifest included
 * @param maxEntryBytes    one envelope or receipt, expanded
 * @param maxTotalBytes    all entries together, expanded
 * @param maxManifestBytes the manifest, expanded
 */
public record BundleLimits(long maxFileBytes, int maxEntries, int maxEntryBytes, long maxTotalBytes, int maxManifestBytes) {

    /**
     * The limits of format 1: 1,001 entries (a manifest and 1,000 items), 1 MiB an entry (an
     * envelope's limit, SPEC §3.7), 16 MiB in all and as stored (a push's inflated limit, §4.10):
     * a whole bundle is held in memory while it is checked, within the app's 256 MB heap.
     */
    public static final BundleLimits DEFAULT = new BundleLimits(16L << 20, 1001, 1 << 20, 16L << 20, 256 << 10);

    public BundleLimits {
        if (maxFileBytes < 1 || maxEntries < 2 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxManifestBytes < 1) {
            throw new IllegalArgumentException("limits must be positive (and at least two entries)");
        }
    }
}

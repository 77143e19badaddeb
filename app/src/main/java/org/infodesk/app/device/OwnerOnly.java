package org.infodesk.app.device;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files and folders only their owner may open: POSIX {@code 600} / {@code 700} where the file
 * system has POSIX permissions (Linux, macOS), else an ACL with one entry, the owner's (Windows
 * NTFS, through {@link AclFileAttributeView}). A file system with neither (FAT on a USB stick)
 * cannot restrict anything; {@link #holds} then says false. What this protects against, and what
 * not, is in ADR 0006.
 */
final class OwnerOnly {

    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {}

    /** Creates a folder that only its owner may open. */
    static void createFolder(Path folder) throws IOException {
        if (posix(folder.getParent())) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectory(folder);
            restrict(folder);
        }
    }

    /** Creates a new file that only its owner may open, restricted before anything is written, writes it and syncs it. */
    static void write(Path file, byte[] content) throws IOException {
        if (posix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
            restrict(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    /** Takes every permission but the owner's away from an existing file or folder (where the file system can). */
    static void restrict(Path path) throws IOException {
        boolean folder = Files.isDirectory(path);
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            posix.setPermissions(folder ? FOLDER : FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            acl.setAcl(ownerOnlyAcl(acl.getOwner(), folder));
        }
    }

    /** Whether only the owner may open a file or folder. */
    static boolean holds(Path path) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            return (Files.isDirectory(path) ? FOLDER : FILE).containsAll(permissions);
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = acl.getOwner();
            return acl.getAcl().stream().allMatch(e -> e.type() != AclEntryType.ALLOW || e.principal().equals(owner));
        }
        return false;
    }

    /** The whole ACL of an owner-only file or folder: the owner may do everything, nobody else anything. */
    static List<AclEntry> ownerOnlyAcl(UserPrincipal owner, boolean folder) {
        return List.of(AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(folder ? EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                        : EnumSet.noneOf(AclEntryFlag.class))
                .build());
    }

    /** Syncs a folder's entries to disk where the OS allows it (not on Windows); best effort. */
    static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException notSupported) {
            // Windows cannot open a folder as a channel; NTFS journals the rename itself
        }
    }

    private static boolean posix(Path folder) {
        return Files.getFileAttributeView(folder, PosixFileAttributeView.class) != null;
    }
}

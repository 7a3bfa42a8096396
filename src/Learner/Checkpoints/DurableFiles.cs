using System.Runtime.InteropServices;

namespace RiptOrleans.Learner.Checkpoints;

/// <summary>
/// The POSIX steps a crash-safe write needs and .NET does not expose: fsync of a directory (so a rename inside it
/// survives a power cut) and rename(2) over an existing symbolic link (File.Move follows the link to its directory).
/// </summary>
internal static partial class DurableFiles
{
    /// <summary>Writes bytes to a new file and flushes them to disk before returning.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> bytes)
    {
        using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        f.Write(bytes);
        f.Flush(flushToDisk: true);
    }

    /// <summary>Flushes a directory's entries (renames, creations) to disk.</summary>
    public static void SyncDirectory(string directory)
    {
        var fd = Open(directory, 0 /* O_RDONLY */);
        if (fd < 0) throw new IOException($"{directory}: cannot open the directory to sync it ({Marshal.GetLastPInvokeErrorMessage()})");
        try
        {
            if (Fsync(fd) != 0) throw new IOException($"{directory}: fsync failed ({Marshal.GetLastPInvokeErrorMessage()})");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Atomically points <paramref name="link"/> at <paramref name="target"/> (relative to the link's directory), replacing an older link.</summary>
    public static void ReplaceLink(string link, string target)
    {
        var tmp = Path.Combine(Path.GetDirectoryName(link)!, $".{Path.GetFileName(link)}.link-{Guid.NewGuid():N}");
        File.CreateSymbolicLink(tmp, target);
        if (Rename(tmp, link) != 0)
        {
            var error = Marshal.GetLastPInvokeErrorMessage();
            File.Delete(tmp);
            throw new IOException($"{link}: cannot point it at {target} ({error})");
        }
    }

    /// <summary>rename(2): atomic within one file system, and replaces a link rather than following it.</summary>
    public static void Move(string from, string to)
    {
        if (Rename(from, to) != 0)
            throw new IOException($"cannot rename {from} to {to} ({Marshal.GetLastPInvokeErrorMessage()})");
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string from, string to);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}

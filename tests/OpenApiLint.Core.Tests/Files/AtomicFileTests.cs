using System.Text;
using OpenApiLint.Core.Files;
using OpenApiLint.Core.Tests.Support;

namespace OpenApiLint.Core.Tests.Files;

/// <summary>Files written for the user (reports, baselines, rulesets, the build's state) are written whole or not at all.</summary>
[TestFixture]
public sealed class AtomicFileTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder();

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    [Test]
    public void Writes_utf8_without_bom_creating_folders_and_returns_the_full_path()
    {
        var written = AtomicFile.Write(Path.Combine(_folder.Path, "out", "deep", "report.txt"), "état\n");

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.EqualTo(Path.Combine(_folder.Path, "out", "deep", "report.txt")));
            Assert.That(File.ReadAllBytes(written), Is.EqualTo(Encoding.UTF8.GetBytes("état\n")));
        });
    }

    [Test]
    public void Replaces_the_file_and_leaves_no_temporary_file()
    {
        var target = _folder.Write("report.json", "old");

        AtomicFile.Write(target, "new");

        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
            Assert.That(Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "report.json" }));
        });
    }

    [Test]
    public void A_folder_in_the_way_is_an_error_and_stays_as_it_was()
    {
        var target = _folder.Folder("report.html");
        _folder.Write("report.html/keep.txt", "kept");

        Assert.Multiple(() =>
        {
            Assert.That(() => AtomicFile.Write(target, "x"), Throws.InstanceOf<IOException>().With.Message.EqualTo("it is a folder"));
            Assert.That(File.ReadAllText(Path.Combine(target, "keep.txt")), Is.EqualTo("kept"));
        });
    }

    [Test]
    public void A_failed_write_leaves_nothing_behind()
    {
        // A file where a parent folder should be: the write fails before anything is created.
        var blocker = _folder.Write("blocked", "a file");

        Assert.Multiple(() =>
        {
            Assert.That(() => AtomicFile.Write(Path.Combine(blocker, "report.txt"), "x"), Throws.InstanceOf<IOException>());
            Assert.That(File.ReadAllText(blocker), Is.EqualTo("a file"));
            Assert.That(Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "blocked" }));
        });
    }

    [Test]
    public void Writes_what_the_writer_writes_as_it_goes()
    {
        var target = _folder.Write("report.html", "old");
        var bytesWhileWriting = -1L;

        AtomicFile.Write(target, writer =>
        {
            writer.Write(new string('a', 100_000));
            writer.Flush();
            // Past the buffer, the text is on its way to the temporary file, not gathered in memory; the target waits.
            bytesWhileWriting = Directory.GetFiles(_folder.Path, ".report.html.*.tmp").Sum(file => new FileInfo(file).Length);
            Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
            writer.Write("é");
        });

        Assert.Multiple(() =>
        {
            Assert.That(bytesWhileWriting, Is.EqualTo(100_000));
            Assert.That(File.ReadAllText(target), Is.EqualTo(new string('a', 100_000) + "é"));
            Assert.That(Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "report.html" }));
        });
    }

    [Test]
    public void A_writer_that_fails_halfway_leaves_the_old_file_and_nothing_else()
    {
        var target = _folder.Write("report.html", "the last good report");
        var failure = new InvalidOperationException("the template failed");

        var thrown = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(target, writer =>
        {
            writer.Write(new string('x', 100_000));
            writer.Flush();
            throw failure;
        }));

        Assert.Multiple(() =>
        {
            Assert.That(thrown, Is.SameAs(failure));
            Assert.That(File.ReadAllText(target), Is.EqualTo("the last good report"));
            Assert.That(Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "report.html" }));
        });
    }
}

using System.Text;
using Wenming.Web.Modules.Activities.Domain;
using Wenming.Web.Platform.Files;

namespace Wenming.UnitTests;

/// <summary>When an archive is complete (DESIGN §4) and which statuses may change it.</summary>
public sealed class ArchiveCompletenessTests
{
    private static readonly ChecklistStep[] AllSteps = Enum.GetValues<ChecklistStep>();

    [Fact]
    public void AllSixSteps_APhoto_AndASignInSheet_AreComplete()
    {
        Assert.True(ArchiveCompleteness.IsComplete(AllSteps, [AttachmentKind.Photo, AttachmentKind.SignInSheet, AttachmentKind.Other]));
        Assert.Empty(ArchiveCompleteness.Missing(AllSteps, [AttachmentKind.SignInSheet, AttachmentKind.Photo]));
    }

    [Theory]
    [InlineData(ChecklistStep.SingAnthem)]
    [InlineData(ChecklistStep.VolunteerOath)]
    [InlineData(ChecklistStep.ReadQuotes)]
    [InlineData(ChecklistStep.CarryOut)]
    [InlineData(ChecklistStep.PublicReview)]
    [InlineData(ChecklistStep.KeepRecords)]
    public void AnyStepNotDone_IsIncomplete_AndNamedAsMissing(ChecklistStep undone)
    {
        var missing = ArchiveCompleteness.Missing(AllSteps.Where(s => s != undone), [AttachmentKind.Photo, AttachmentKind.SignInSheet]);

        Assert.Equal([new ArchiveGap(undone, null)], missing);
    }

    [Fact]
    public void WithoutAPhotoOrASignInSheet_IsIncomplete_WhateverElseIsAttached()
    {
        Assert.Equal([new ArchiveGap(null, AttachmentKind.SignInSheet)], ArchiveCompleteness.Missing(AllSteps, [AttachmentKind.Photo, AttachmentKind.Photo, AttachmentKind.Other]));
        Assert.Equal([new ArchiveGap(null, AttachmentKind.Photo)], ArchiveCompleteness.Missing(AllSteps, [AttachmentKind.SignInSheet, AttachmentKind.Other]));
        Assert.False(ArchiveCompleteness.IsComplete(AllSteps, [AttachmentKind.Other]));
    }

    [Fact]
    public void NothingDone_MissesEverything_InTheOrderOfTheFlow_ThenPhotoThenSheet()
    {
        var missing = ArchiveCompleteness.Missing([], []);

        Assert.Equal(
            [.. AllSteps.Select(s => new ArchiveGap(s, null)), new ArchiveGap(null, AttachmentKind.Photo), new ArchiveGap(null, AttachmentKind.SignInSheet)],
            missing);
    }

    [Theory]
    [InlineData(ActivityStatus.Draft, false)]
    [InlineData(ActivityStatus.Published, true)]
    [InlineData(ActivityStatus.Ongoing, true)]
    [InlineData(ActivityStatus.Finished, true)]
    [InlineData(ActivityStatus.Archived, false)]
    [InlineData(ActivityStatus.Cancelled, false)]
    public void TheArchive_IsEditable_OnlyWhilePublishedOngoingOrFinished(ActivityStatus status, bool editable) =>
        Assert.Equal(editable, ArchiveCompleteness.IsEditable(status));
}

/// <summary>File types are told by their first bytes, never by the name.</summary>
public sealed class FileSnifferTests
{
    public static TheoryData<string, byte[], string?> Samples => new()
    {
        { "jpeg (JFIF)", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46], FileSniffer.Jpeg },
        { "jpeg (Exif, a phone photo)", [0xFF, 0xD8, 0xFF, 0xE1, 0x12, 0x34], FileSniffer.Jpeg },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], FileSniffer.Png },
        { "webp", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WEBPVP8 "u8], FileSniffer.WebP },
        { "pdf", [.. "%PDF-1.7\n"u8], FileSniffer.Pdf },
        { "riff but wave audio", [.. "RIFF"u8, 0x24, 0, 0, 0, .. "WAVEfmt "u8], null },
        { "html", [.. "<html><script>alert(1)</script>"u8], null },
        { "svg (may carry script)", [.. "<svg xmlns=\"http://www.w3.org/2000/svg\">"u8], null },
        { "gif", [.. "GIF89a"u8], null },
        { "zip / docx", [0x50, 0x4B, 0x03, 0x04], null },
        { "png signature cut short", [0x89, 0x50, 0x4E, 0x47], null },
        { "two bytes of jpeg", [0xFF, 0xD8], null },
        { "empty", [], null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sniff_TellsTheTypeFromTheBytes(string what, byte[] bytes, string? expected) =>
        Assert.True(expected == FileSniffer.Sniff(bytes), $"{what}: expected {expected ?? "refused"}, got {FileSniffer.Sniff(bytes) ?? "refused"}");

    [Fact]
    public void GeneratedSamples_AreWhatTheyClaim()
    {
        Assert.Equal(FileSniffer.Png, FileSniffer.Sniff(SampleFiles.Png(3, 2, (x, y) => (1, 2, 3))));
        var pdf = SampleFiles.Pdf("Sign-in sheet (1)");
        Assert.Equal(FileSniffer.Pdf, FileSniffer.Sniff(pdf));
        Assert.EndsWith("%%EOF\n", Encoding.ASCII.GetString(pdf), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FileSniffer.Jpeg, true)]
    [InlineData(FileSniffer.Png, true)]
    [InlineData(FileSniffer.WebP, true)]
    [InlineData(FileSniffer.Pdf, false)]
    public void OnlyImages_AreShownInPlace(string contentType, bool image) => Assert.Equal(image, FileSniffer.IsImage(contentType));
}

using System.Collections.Concurrent;
using System.Diagnostics;
using KerjaSama.Modularity.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KerjaSama.Modularity.Documents;

/// <summary>
/// Turns a DOCX or XLSX document into PDF with LibreOffice headless (<c>soffice --convert-to pdf</c>). Each conversion
/// runs in a fresh temporary folder; a LibreOffice profile is reused per concurrent slot (a first start with an empty
/// profile costs seconds), never shared by two running conversions. A cancelled or overdue conversion is killed.
/// </summary>
public sealed partial class OfficeConverter(IOptions<DocumentOptions> options, ILogger<OfficeConverter> log)
{
    private readonly ConcurrentBag<string> _profiles = [];

    public async Task<byte[]> ToPdfAsync(byte[] document, string extension, CancellationToken ct)
    {
        var program = Program() ?? throw new JobFailedException("pdf_converter_missing",
            "LibreOffice (soffice) is not installed on the server; install the Debian package libreoffice-writer/libreoffice-calc or set KerjaSama:Documents:OfficePath.");
        var work = Directory.CreateTempSubdirectory("kerjasama-pdf-");
        var profile = _profiles.TryTake(out var p) ? p : Directory.CreateTempSubdirectory("kerjasama-office-profile-").FullName;
        try
        {
            var input = Path.Combine(work.FullName, "document." + extension.TrimStart('.'));
            await File.WriteAllBytesAsync(input, document, ct);
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                ArgumentList =
                {
                    "-env:UserInstallation=" + new Uri(profile + "/").AbsoluteUri, "--headless", "--norestore", "--nolockcheck",
                    "--nodefault", "--convert-to", "pdf", "--outdir", work.FullName, input,
                },
            };
            start.Environment["HOME"] = profile;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.ConvertTimeoutSeconds));
            using var process = Process.Start(start) ?? throw new JobFailedException("pdf_conversion_failed", "LibreOffice did not start.");
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                if (ct.IsCancellationRequested)
                    throw;
                throw new JobFailedException("pdf_conversion_timeout", $"LibreOffice took longer than {options.Value.ConvertTimeoutSeconds} s.");
            }

            var pdf = Path.Combine(work.FullName, "document.pdf");
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                LogConversionFailed(log, process.ExitCode, await output, await errors);
                throw new JobFailedException("pdf_conversion_failed", "LibreOffice could not convert the document; the details are in the server log.");
            }

            return await File.ReadAllBytesAsync(pdf, CancellationToken.None);
        }
        finally
        {
            _profiles.Add(profile);
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException e)
            {
                LogCleanupFailed(log, e, work);
            }
        }
    }

    private string? Program()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.OfficePath))
            return File.Exists(options.Value.OfficePath) ? options.Value.OfficePath : null;
        var path = Environment.GetEnvironmentVariable("PATH")?.Split(Path.PathSeparator) ?? [];
        return path.Select(d => Path.Combine(d, "soffice")).Concat(["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"])
            .FirstOrDefault(File.Exists);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "soffice exited {Code}: {Out} {Err}")]
    private static partial void LogConversionFailed(ILogger log, int code, string @out, string err);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not remove {Folder}")]
    private static partial void LogCleanupFailed(ILogger log, Exception exception, DirectoryInfo folder);
}

package org.planwright.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.planwright.store.TransferResult;
import org.planwright.store.Workspace;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code planwright workspace export NAME --out FILE}: every record of a workspace in one encrypted file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write every record of a workspace to one file encrypted with a passphrase (AES-256-GCM, key "
                + "from PBKDF2-HMAC-SHA256), to carry it to another machine.",
                "Passphrase: --passphrase-file FILE, else PLANWRIGHT_PASSPHRASE, else typed twice on the terminal."})
final class WorkspaceExportCommand implements Callable<Integer> {

    @ParentCommand
    WorkspaceCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "NAME", description = "The workspace (archived ones too).")
    String name;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;
    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from the file's first line.")
    Path passphraseFile;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
    WorkspaceCommand.Format format;

    @Override
    public Integer call() {
        return WorkspaceCommand.withStore(parent, spec, (store, printer) -> {
            Workspace w = StoreWorkspace.pick(store, name, true);
            char[] passphrase = Passphrases.get(passphraseFile, parent.parent.environment(), true);
            TransferResult r = store.transfer().export(w.id(), out, passphrase);
            java.util.Arrays.fill(passphrase, '\0');
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("file", r.file().toAbsolutePath().toString());
            extra.put("records", r.records());
            extra.put("totalRecords", r.totalRecords());
            WorkspaceCommand.result(printer, format, store, "exported", w, extra, String.format(Locale.ROOT,
                    "workspace \"%s\" exported to %s: %d records, encrypted", w.name(), r.file(), r.totalRecords()));
            return ExitCodes.OK;
        });
    }
}

package org.planwright.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.planwright.store.TransferResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code planwright workspace import FILE}: merges an exported workspace file into the store, by key. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Merge a workspace file written by 'workspace export' into this store: records already here "
                + "(same id) are left as they are, so importing twice adds nothing. A wrong passphrase or a damaged "
                + "file imports nothing.",
                "Passphrase: --passphrase-file FILE, else PLANWRIGHT_PASSPHRASE, else typed on the terminal."})
final class WorkspaceImportCommand implements Callable<Integer> {

    @ParentCommand
    WorkspaceCommand parent;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "FILE", description = "The workspace file.")
    Path file;
    @Option(names = "--as", paramLabel = "NAME",
            description = "The name to give the workspace when it is new here and its name is taken by another.")
    String as;
    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "Read the passphrase from the file's first line.")
    Path passphraseFile;
    @Option(names = "--format", defaultValue = "text", description = "text or json (default: text).")
    WorkspaceCommand.Format format;

    @Override
    public Integer call() {
        return WorkspaceCommand.withStore(parent, spec, (store, printer) -> {
            char[] passphrase = Passphrases.get(passphraseFile, parent.parent.environment(), false);
            TransferResult r = store.transfer().importFile(file, passphrase, as);
            java.util.Arrays.fill(passphrase, '\0');
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("file", file.toAbsolutePath().toString());
            extra.put("mergedInto", r.mergedInto());
            extra.put("inserted", r.records());
            extra.put("alreadyPresent", r.alreadyPresent());
            extra.put("totalInserted", r.totalRecords());
            extra.put("totalAlreadyPresent", r.totalAlreadyPresent());
            WorkspaceCommand.result(printer, format, store, "imported", r.workspace(), extra, String.format(
                    Locale.ROOT, "%s workspace \"%s\" from %s: %d records added, %d already here",
                    r.mergedInto() ? "merged into" : "imported", r.workspace().name(), file, r.totalRecords(),
                    r.totalAlreadyPresent()));
            return ExitCodes.OK;
        });
    }
}

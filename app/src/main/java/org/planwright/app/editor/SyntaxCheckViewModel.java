package org.planwright.app.editor;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import org.planwright.app.concurrent.BackgroundExecutor;
import org.planwright.app.concurrent.BackgroundJob;
import org.planwright.app.connection.ActiveConnection;
import org.planwright.app.connection.ConnectionViewModel;
import org.planwright.sqltext.SqlScript;
import org.planwright.sqltext.SqlStatement;
import org.planwright.sqltext.SyntaxChecker;
import org.planwright.sqltext.SyntaxProblem;
import org.planwright.targetdb.SyntaxError;
import org.planwright.targetdb.TargetException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syntax checks as you type: {@value #DEBOUNCE_MS} ms after the last change of a tab's text, the text is
 * checked off the FX thread with {@link SyntaxChecker}. CERTAIN problems are marked at once; UNSURE ones (only
 * JSqlParser rejects the statement) are put to the server ({@code TargetSession.checkSyntax}) and marked only
 * when the server reports a grammar error too, at the server's position; without a connection UNSURE problems
 * are not marked: the server has the last word. When the session is busy (a statement or a workload sample
 * runs), the check is done again {@value #BUSY_RETRY_MS} ms later, until the server could answer or the text
 * changed. FX thread only.
 */
public final class SyntaxCheckViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyntaxCheckViewModel.class);

    /** Quiet time after the last key stroke before a check starts, in ms. */
    public static final long DEBOUNCE_MS = 300;
    /** Wait before checking again when the session was busy, in ms (re-checks hit the checker's cache). */
    static final long BUSY_RETRY_MS = 1_000;

    private final ConnectionViewModel connection;
    private final BackgroundExecutor executor;
    private final SyntaxChecker checker = new SyntaxChecker();
    private final Map<EditorTabViewModel, BackgroundJob> pending = new HashMap<>();
    private final Map<EditorTabViewModel, ChangeListener<String>> listeners = new HashMap<>();

    /**
     * @param editors    tabs to watch (tabs added later are watched too)
     * @param connection the server to ask about UNSURE problems
     * @param executor   debouncing and background checks
     */
    public SyntaxCheckViewModel(EditorTabsViewModel editors, ConnectionViewModel connection,
                                BackgroundExecutor executor) {
        this.connection = connection;
        this.executor = executor;
        editors.tabs().forEach(this::watch);
        editors.tabs().addListener((ListChangeListener<EditorTabViewModel>) c -> {
            while (c.next()) {
                c.getRemoved().forEach(this::unwatch);
                c.getAddedSubList().forEach(this::watch);
            }
        });
        connection.activeProperty().addListener((obs, old, now) -> editors.tabs().forEach(this::schedule));
    }

    /**
     * Checks a tab's current text now (after the debounce delay), replacing its marks when done.
     *
     * @param tab the tab
     */
    public void schedule(EditorTabViewModel tab) {
        schedule(tab, DEBOUNCE_MS);
    }

    private void schedule(EditorTabViewModel tab, long delayMs) {
        BackgroundJob old = pending.remove(tab);
        if (old != null) {
            old.cancel();
        }
        pending.put(tab, executor.runLater(Duration.ofMillis(delayMs), () -> start(tab)));
    }

    private void watch(EditorTabViewModel tab) {
        ChangeListener<String> l = (obs, old, now) -> schedule(tab);
        listeners.put(tab, l);
        tab.textProperty().addListener(l);
        schedule(tab);
    }

    private void unwatch(EditorTabViewModel tab) {
        ChangeListener<String> l = listeners.remove(tab);
        if (l != null) {
            tab.textProperty().removeListener(l);
        }
        BackgroundJob job = pending.remove(tab);
        if (job != null) {
            job.cancel();
        }
    }

    private void start(EditorTabViewModel tab) {
        String text = tab.textProperty().get();
        ActiveConnection server = connection.active().orElse(null);
        pending.put(tab, executor.submit(() -> check(text, server), checked -> {
            pending.remove(tab);
            if (text.equals(tab.textProperty().get())) {
                tab.syntaxMarks().setAll(checked.marks());
                if (checked.serverWasBusy()) {
                    schedule(tab, BUSY_RETRY_MS); // ask again once the running statement or sample is over
                }
            }
        }, e -> LOG.debug("Syntax check failed", e)));
    }

    /**
     * The outcome of one check.
     *
     * @param marks         the marks to show
     * @param serverWasBusy true when an UNSURE problem could not be put to the server because its session was
     *                      busy: the marks may lack it, so the text is checked again later
     */
    record Checked(List<SyntaxMark> marks, boolean serverWasBusy) {
    }

    /**
     * Checks a script. Blocking; worker threads only.
     *
     * @param text   the editor text
     * @param server the connection to confirm UNSURE problems with, or null
     * @return the marks to show, and whether the server was too busy to confirm one
     */
    Checked check(String text, ActiveConnection server) {
        List<SyntaxProblem> problems;
        synchronized (checker) {
            problems = checker.check(text);
        }
        List<SyntaxMark> marks = new ArrayList<>();
        boolean busy = false;
        for (SyntaxProblem p : problems) {
            if (p.confidence() == SyntaxProblem.Confidence.CERTAIN) {
                marks.add(new SyntaxMark(p.startOffset(), p.endOffset(), p.line(), p.column(), p.message(), "parser"));
            } else if (server != null) {
                Optional<Optional<SyntaxMark>> confirmed = confirm(text, p, server);
                busy |= confirmed.isEmpty();
                confirmed.flatMap(m -> m).ifPresent(marks::add);
            }
        }
        return new Checked(marks, busy);
    }

    /** @return the server's mark for {@code p} (empty: the server accepts the statement), or empty when busy */
    private Optional<Optional<SyntaxMark>> confirm(String text, SyntaxProblem p, ActiveConnection server) {
        SqlStatement statement = SqlScript.split(text).stream()
                .filter(s -> s.startOffset() <= p.startOffset() && p.startOffset() <= s.endOffset())
                .findFirst().orElse(null);
        if (statement == null) {
            return Optional.of(Optional.empty());
        }
        try {
            Optional<Optional<SyntaxError>> answer = server.ifIdle(s -> s.checkSyntax(statement.text()));
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            Optional<SyntaxError> error = answer.flatMap(a -> a);
            if (error.isEmpty() || !error.get().isGrammarError()) {
                return Optional.of(Optional.empty());
            }
            SyntaxError e = error.get();
            if (e.position() == null) {
                return Optional.of(Optional.of(new SyntaxMark(p.startOffset(), p.endOffset(), p.line(), p.column(),
                        e.message(), "server")));
            }
            EditorPosition at = EditorPosition.of(statement, e.position());
            int end = wordEnd(text, at.offset());
            return Optional.of(Optional.of(new SyntaxMark(at.offset(), end, at.line(), at.column(), e.message(),
                    "server")));
        } catch (TargetException e) {
            LOG.debug("Server syntax check failed: {}", e.userMessage());
            return Optional.of(Optional.empty());
        }
    }

    /** End of the token at {@code offset}: the run of letters/digits/underscores, at least one character. */
    private static int wordEnd(String text, int offset) {
        int i = offset;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return Math.min(text.length(), Math.max(i, offset + 1));
    }
}

package org.planwright.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds and reads the SQL files of a run. Stateless and thread-safe.
 */
final class SqlFiles {

    /**
     * One file to explain.
     *
     * @param path    where it is
     * @param display how reports name it: as given for a file, relative to the folder for a folder's files
     *                (with '/' separators)
     * @param text    its content, decoded as UTF-8 (a byte-order mark is dropped)
     */
    record SqlFile(Path path, String display, String text) {
    }

    /** Thrown for a path that does not exist, is empty of SQL files or cannot be read; message is one line. */
    static final class SqlFileException extends Exception {
        SqlFileException(String message) {
            super(message);
        }
    }

    /** Natural order: digit runs compare as numbers, so q2.sql comes before q10.sql. */
    static final Comparator<String> NATURAL_ORDER = SqlFiles::compareNatural;

    private SqlFiles() {
    }

    /**
     * @param paths files and folders given on the command line, in order; a folder stands for its {@code *.sql}
     *              files (not recursive), in natural name order
     * @return the files with their text
     * @throws SqlFileException when a path does not exist, a folder holds no {@code *.sql} file, or a file is
     *     not readable UTF-8 text
     */
    static List<SqlFile> load(List<Path> paths) throws SqlFileException {
        List<SqlFile> out = new ArrayList<>();
        for (Path given : paths) {
            if (Files.isDirectory(given)) {
                List<Path> files = list(given);
                if (files.isEmpty()) {
                    throw new SqlFileException("no *.sql files in folder " + given);
                }
                for (Path f : files) {
                    String display = given.relativize(f).toString().replace('\\', '/');
                    out.add(new SqlFile(f, display, read(f)));
                }
            } else if (Files.isRegularFile(given)) {
                out.add(new SqlFile(given, given.toString(), read(given)));
            } else {
                throw new SqlFileException("no such file or folder: " + given);
            }
        }
        return out;
    }

    private static List<Path> list(Path folder) throws SqlFileException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString(), NATURAL_ORDER))
                    .toList();
        } catch (IOException e) {
            throw new SqlFileException("cannot list folder " + folder + ": " + e.getMessage());
        }
    }

    private static String read(Path file) throws SqlFileException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SqlFileException("cannot read " + file + ": " + e.getMessage());
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new SqlFileException(file + " is not UTF-8 text");
        }
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = digitsEnd(a, i);
                int ej = digitsEnd(b, j);
                String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    private static int digitsEnd(String s, int from) {
        int k = from;
        while (k < s.length() && Character.isDigit(s.charAt(k))) {
            k++;
        }
        return k;
    }
}

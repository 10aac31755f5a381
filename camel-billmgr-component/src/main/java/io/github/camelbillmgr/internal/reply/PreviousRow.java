package io.github.camelbillmgr.internal.reply;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonParser;

import static io.github.camelbillmgr.internal.reply.NormalisedTree.COLLECTIONS;

/**
 * What the previous row of a JSON list reply held at each column position: the column's name, whether that name is a
 * collection, and its text. The rows of a page nearly always have the same columns in the same order, and most of
 * their values repeat (a status, a tariff, a date, a price): so a row's text equal to the previous row's at its
 * position is taken as that same String, compared in the parser's buffer without allocating one, and a name seen at
 * its position before needs no set look-up. Only a shortcut: what the row reads is the same either way. One per reply,
 * used by one thread.
 */
final class PreviousRow {

    private String[] names = new String[16];
    private boolean[] collections = new boolean[16];
    private String[] texts = new String[16];

    /** Whether {@code name}, the column at {@code position}, is one of {@link NormalisedTree#COLLECTIONS}. */
    boolean isCollection(int position, String name) {
        if (position >= names.length) {
            grow(position);
        }
        if (names[position] != name) {
            // Jackson interns names, so identity finds the previous row's
            names[position] = name;
            collections[position] = COLLECTIONS.contains(name);
        }
        return collections[position];
    }

    /**
     * The text of the string token the parser is on ({@link JsonParser#getText()}): the previous row's String at
     * {@code position} when it has the same characters.
     */
    String text(JsonParser p, int position) throws IOException {
        if (position >= texts.length) {
            grow(position);
        }
        String before = texts[position];
        if (before != null && sameText(before, p)) {
            return before;
        }
        String text = p.getText();
        texts[position] = text;
        return text;
    }

    private static boolean sameText(String s, JsonParser p) throws IOException {
        int n = p.getTextLength();
        if (n != s.length()) {
            return false;
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        for (int i = 0; i < n; i++) {
            if (chars[offset + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void grow(int position) {
        int size = Math.max(names.length * 2, position + 1);
        names = Arrays.copyOf(names, size);
        collections = Arrays.copyOf(collections, size);
        texts = Arrays.copyOf(texts, size);
    }
}

package io.github.camelbillmgr.docs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.internal.reply.DocumentReader;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reply shown in docs/reference.md, in xml and in json, reads into the normalised tree shown there. The three
 * snippets live in src/test/resources/docs and must appear in the page verbatim.
 */
class ReferenceExamplesTest {

    private static final String XML = "docs/order-form-reply.xml";
    private static final String JSON = "docs/order-form-reply.json";
    private static final String NORMALISED = "docs/order-form-normalised.json";

    private static String resource(String name) throws IOException {
        try (InputStream in = ReferenceExamplesTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonNode read(String body, BillmgrFormat format) throws Exception {
        return new DocumentReader(new ObjectMapper())
                .read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), format);
    }

    @Test
    void xmlAndJsonRepliesReadIntoTheDocumentedTree() throws Exception {
        JsonNode expected = new ObjectMapper().readTree(resource(NORMALISED));
        assertEquals(expected, read(resource(XML), BillmgrFormat.xml), "the xml reply");
        assertEquals(expected, read(resource(JSON), BillmgrFormat.json), "the json reply");
    }

    @Test
    void referencePageShowsTheTestedSnippets() throws Exception {
        Path page = AdocTables.moduleDir().resolveSibling("docs").resolve("reference.md");
        assertTrue(Files.isRegularFile(page), "docs/reference.md is missing: " + page);
        String text = AdocTables.normalise(Files.readString(page, StandardCharsets.UTF_8));
        for (String name : new String[] { XML, JSON, NORMALISED }) {
            String snippet = AdocTables.normalise(resource(name)).strip();
            assertTrue(text.contains(snippet), "docs/reference.md no longer shows src/test/resources/" + name
                    + " verbatim: copy the file into the page again");
        }
    }
}

package io.github.camelbillmgr.internal.secret;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretNamesTest {

    @Test
    void credentialAndPasswordParametersAreSecretWhateverTheirCase() {
        for (String name : List.of(Secrets.AUTHINFO, Secrets.SESSION_ID, Secrets.PASSWORD, "Password", "USERPASSWORD",
                "passwd", "key", "newpassword", "confirm", "old_password")) {
            assertTrue(Secrets.isSecretName(name), name);
        }
        for (String name : List.of("username", "elid", "func", "pricelist", "authmode")) {
            assertFalse(Secrets.isSecretName(name), name);
        }
    }

    @Test
    void aCallsRedactorMasksTheRequestSecretsThePasswordTheAuthinfoAndTheSessionIds() {
        Redactor redactor = Secrets.redactor(List.of("new-S3cret"), "user@example.com", "S3cret pass", null,
                "0123456789abcdef", "fedcba9876543210");
        String text = "pw=S3cret+pass authinfo=user%40example.com%3AS3cret%20pass new=new-S3cret "
                + "sid=0123456789abcdef now=fedcba9876543210 user=user@example.com";
        assertEquals("pw=xxxxxx authinfo=xxxxxx new=xxxxxx sid=xxxxxx now=xxxxxx user=user@example.com",
                redactor.redact(text));
    }

    @Test
    void authinfoIsUserColonPassword() {
        assertEquals("u:p", Secrets.authinfo("u", "p"));
    }
}

package io.github.camelbillmgr.internal.http;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelbillmgr.BillmgrAuthenticationException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pause after refused credentials, on a clock the test moves. */
class LoginBackoffTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final LoginBackoff backoff = new LoginBackoff(now::get);

    private static BillmgrAuthenticationException refusal() {
        return new BillmgrAuthenticationException("auth", "auth", "badpassword", null, Map.of(), "Invalid password");
    }

    private void assertPaused() {
        BillmgrAuthenticationException e = assertThrows(BillmgrAuthenticationException.class, backoff::check);
        assertTrue(e.getErrorMessage().startsWith("not sent: "), e.getErrorMessage());
        assertTrue(e.getErrorMessage().contains("Invalid password"), e.getErrorMessage());
    }

    @Test
    void nothingIsHeldBackBeforeARefusal() throws Exception {
        assertFalse(assertDoesNotThrow(backoff::check), "no probe without a refusal");
    }

    @Test
    void theRefusalsOfOneRoundStartOnePauseOfOneSecond() throws Exception {
        // eight requests were on their way when the first refusal came back: one round, not eight doublings
        for (int i = 0; i < 8; i++) {
            backoff.refused(refusal());
        }
        assertPaused();
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS - 1);
        assertPaused();
        now.addAndGet(1);
        assertTrue(backoff.check(), "after one second, one call tries again");
    }

    @Test
    void afterThePauseOneCallTriesAndTheOthersWaitForItsAnswer() throws Exception {
        backoff.refused(refusal());
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(backoff.check());
        BillmgrAuthenticationException other = assertThrows(BillmgrAuthenticationException.class, backoff::check);
        assertTrue(other.getErrorMessage().contains("another call is trying them again now"), other.getErrorMessage());

        // the probe is refused too: the next pause is twice as long
        backoff.refused(refusal());
        backoff.probeDone();
        now.addAndGet(2 * LoginBackoff.FIRST_PAUSE_MILLIS - 1);
        assertPaused();
        now.addAndGet(1);
        assertTrue(backoff.check());
    }

    @Test
    void aProbeWithoutAnAnswerAboutTheCredentialsLetsTheNextCallTry() throws Exception {
        backoff.refused(refusal());
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(backoff.check());
        backoff.probeDone(); // e.g. a timeout: nothing learnt
        assertTrue(backoff.check(), "the next one tries");
    }

    @Test
    void anAcceptedCallEndsItAll() throws Exception {
        backoff.refused(refusal());
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(backoff.check());
        backoff.accepted();
        backoff.probeDone();
        assertFalse(backoff.check());
        assertFalse(backoff.check());
        backoff.refused(refusal());
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(backoff.check(), "a new refusal starts over at one second");
    }

    @Test
    void thePauseDoublesUpToAMinute() throws Exception {
        long pause = LoginBackoff.FIRST_PAUSE_MILLIS;
        for (int round = 0; round < 10; round++) {
            backoff.refused(refusal());
            now.addAndGet(pause - 1);
            assertPaused();
            now.addAndGet(1);
            assertTrue(backoff.check());
            backoff.probeDone();
            pause = Math.min(pause * 2, LoginBackoff.MAX_PAUSE_MILLIS); // 1, 2, 4, ... 32, 60, 60 s
        }
    }

    @Test
    void aWaiterForALoginSeesItsRefusalButNotAProbe() throws Exception {
        assertDoesNotThrow(backoff::checkPause);
        backoff.refused(refusal());
        BillmgrAuthenticationException e = assertThrows(BillmgrAuthenticationException.class, backoff::checkPause);
        assertTrue(e.getErrorMessage().startsWith("not sent: the login just made with these credentials was refused"),
                e.getErrorMessage());
        now.addAndGet(LoginBackoff.FIRST_PAUSE_MILLIS);
        assertTrue(backoff.check());
        assertDoesNotThrow(backoff::checkPause, "the probe itself logs in");
    }
}

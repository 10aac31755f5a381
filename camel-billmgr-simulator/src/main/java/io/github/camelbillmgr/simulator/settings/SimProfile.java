package io.github.camelbillmgr.simulator.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which kind of BILLmanager the simulator plays. A profile is a set of settings applied on top of the defaults (and
 * under any single setting given after it), not a hidden mode: every difference is a setting that can be read and
 * changed one by one.
 */
public enum SimProfile {

    /** A hosting provider's BILLmanager (SvcAPI): the defaults of {@link SimSettings}. */
    HOSTING {
        @Override
        public SimSettings apply(SimSettings settings) {
            return settings;
        }
    },

    /**
     * ISPsystem's license billing ({@code api.ispsystem.com}), where the reseller is an ordinary client account that
     * suspends, resumes, renews and re-keys its own licenses and asks {@code session.newkey} for its own single
     * sign-on (ISPsystem's own WHMCS module): clients may suspend and resume, may create their own SSO key, a
     * renewal without {@code skipbasket} is charged at once, suspending a suspended license (or resuming an active
     * one) answers ok, and expired licenses are renewed or suspended as the clock passes.
     */
    LICENSE_BILLING {
        @Override
        public SimSettings apply(SimSettings settings) {
            return settings.setClientMaySuspendResume(true)
                    .setClientMayCreateOwnSsoKey(true)
                    .setProlongWithoutSkipbasket(SimSettings.ProlongWithoutSkipbasket.CHARGE_NOW)
                    .setSameStateAction(SimSettings.SameStateAction.OK)
                    .setRenewalResumesExpired(true)
                    .setProcessExpiry(true);
        }
    };

    /** Changes the settings this profile differs in, and returns them. */
    public abstract SimSettings apply(SimSettings settings);

    /** {@code license-billing} for {@link #LICENSE_BILLING}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** By label ({@code license-billing}) or name, any case. */
    public static SimProfile of(String text) {
        for (SimProfile profile : values()) {
            if (profile.label().equalsIgnoreCase(text.trim()) || profile.name().equalsIgnoreCase(text.trim())) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + text + "'; known: "
                + Arrays.stream(values()).map(SimProfile::label).collect(Collectors.joining(", ")));
    }
}

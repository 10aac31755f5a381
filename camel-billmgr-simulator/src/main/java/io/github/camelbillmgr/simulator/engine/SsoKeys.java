package io.github.camelbillmgr.simulator.engine;

import java.util.HashMap;
import java.util.Map;

/** Keys issued by {@code session.newkey}, each valid for one user. */
public final class SsoKeys {

    private final Map<String, String> userByKey = new HashMap<>();

    public void issue(String user, String key) {
        userByKey.put(key, user);
    }

    public boolean redeem(String user, String key, boolean singleUse) {
        if (key == null || !user.equals(userByKey.get(key))) {
            return false;
        }
        if (singleUse) {
            userByKey.remove(key);
        }
        return true;
    }

    public void clear() {
        userByKey.clear();
    }
}

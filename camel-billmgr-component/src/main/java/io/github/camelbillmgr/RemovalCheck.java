package io.github.camelbillmgr;

import java.util.Map;

import io.github.camelbillmgr.internal.op.ServiceIterator;
import io.github.camelbillmgr.internal.op.ServiceLister;
import io.github.camelbillmgr.model.BillmgrServiceState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which services missing from an {@code emit=changes} poll are really gone. BILLmanager pages by offset
 * ({@code p_num}/{@code p_cnt}): when a service on an earlier page is deleted between two page requests, every later
 * row moves up one place and the first row of the next page is never read. That service would look removed, and come
 * back as created at the next poll. Nothing in the pages has to show it: a service added meanwhile keeps
 * {@code p_elems} as it was.
 * <p>
 * So the list is read a second time, and only the services missing from both reads are removed. The second read stops
 * as soon as every missing service has been found, and is made only by polls that miss a recorded service. When the
 * second read shows that the list changed under it too, no service is reported removed: they keep their recorded state
 * and the next poll decides. A service skipped by both reads (the list shifting at the wrong moment twice in a row) is
 * still reported removed, then created at the next poll.
 */
final class RemovalCheck {

    private static final Logger LOG = LoggerFactory.getLogger(RemovalCheck.class);

    private final ServiceLister lister;
    private final Map<String, Object> extra;

    RemovalCheck(ServiceLister lister, Map<String, Object> extra) {
        this.lister = lister;
        this.extra = extra;
    }

    /**
     * Takes out of {@code missing} every service the list still holds, and, when the second read cannot be trusted,
     * all of them; what is left is gone.
     */
    void keepConfirmed(Map<Long, BillmgrServiceState> missing) throws BillmgrException {
        int before = missing.size();
        try (ServiceIterator again = lister.iterate(extra)) {
            while (!missing.isEmpty() && again.more()) {
                missing.remove(again.next().getId());
            }
            if (!missing.isEmpty() && again.listChangedWhileRead()) {
                LOG.debug("The list changed while it was read again: {} missing service(s) keep their state until the "
                        + "next poll", missing.size());
                missing.clear();
            }
        }
        LOG.debug("{} service(s) missing from the poll, {} of them missing from a second read", before, missing.size());
    }
}

package io.github.camelbillmgr.internal.op;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrOperation;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.internal.http.BillmgrClient;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import io.github.camelbillmgr.internal.reply.Nodes;
import io.github.camelbillmgr.internal.reply.PageValues;
import io.github.camelbillmgr.internal.reply.ScalarRowHandler;
import io.github.camelbillmgr.internal.reply.ServiceMapper;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;

/**
 * Reads a service list page by page ({@code p_cnt}/{@code p_num}). {@link #list} hands each row to a callback as it
 * is parsed (memory bounded by one row); {@link #iterate} returns a lazy iterator that holds one page at a time.
 * Shared by the list producer, the polling consumer and the order's remote id lookup.
 */
public final class ServiceLister {

    /** Receives each service as it is read. */
    @FunctionalInterface
    public interface ServiceHandler {
        void service(BillmgrService service) throws Exception;
    }

    private final BillmgrClient client;
    private final BillmgrConfiguration config;

    public ServiceLister(BillmgrClient client, BillmgrConfiguration config) {
        this.client = client;
        this.config = config;
    }

    /** The list request for one page, with the endpoint's filters and the given extra parameters. */
    BillmgrRequest request(int page, Map<String, Object> extra) {
        BillmgrRequest request = new BillmgrRequest(Operations.func(BillmgrOperation.list, config));
        boolean filtered = false;
        if (config.getStatus() != null) {
            request.param("status", BillmgrServiceStatus.parse(config.getStatus()).getCode());
            filtered = true;
        }
        if (config.getAccount() != null) {
            request.param("account", config.getAccount());
            filtered = true;
        }
        if (config.getFilters() != null && !config.getFilters().isEmpty()) {
            config.getFilters().forEach(request::params);
            filtered = true;
        }
        if (filtered) {
            request.param("filter", "on");
        }
        extra.forEach(request::params);
        request.param("p_cnt", config.getPageSize());
        request.param("p_num", page);
        return request;
    }

    /** A new cursor over the pages this endpoint reads (every page, or only {@code pageNumber}). */
    PageCursor cursor() {
        return new PageCursor(config.getPageSize(), config.getPageNumber());
    }

    /**
     * Reads every page (or only {@code pageNumber} when set), calling the handler for each service.
     *
     * @return the total number of matching services BILLmanager reported ({@code p_elems}), or the number read when
     *         it reported none
     */
    public long list(Map<String, Object> extra, ServiceHandler handler) throws BillmgrException {
        ServiceHandler emit = clientSideFilter(handler);
        PageCursor cursor = cursor();
        PageValues values = null;
        while (cursor.hasNextPage()) {
            values = readPage(cursor, extra, emit, values);
        }
        return cursor.total() != null ? cursor.total() : cursor.read();
    }

    /**
     * A lazy iterator over the services: it reads a page only when the previous one has been consumed. Nothing is
     * requested until the first {@code hasNext()}.
     */
    public ServiceIterator iterate(Map<String, Object> extra) {
        return new ServiceIterator(this, extra);
    }

    /** With {@code expiringWithinDays}, only the services that expire between today and that many days from now. */
    ServiceHandler clientSideFilter(ServiceHandler handler) {
        if (config.getExpiringWithinDays() == null) {
            return handler;
        }
        LocalDate today = LocalDate.now(config.getClock() != null ? config.getClock() : Clock.systemDefaultZone());
        LocalDate until = today.plusDays(config.getExpiringWithinDays());
        return s -> {
            if (s.getExpireDate() != null && !s.getExpireDate().isBefore(today) && !s.getExpireDate().isAfter(until)) {
                handler.service(s);
            }
        };
    }

    /**
     * Reads the cursor's next page, handing each service to {@code handler}, and advances the cursor.
     *
     * @param  previous the values of the list's previous page, or null
     * @return          the values of this page, for the next
     */
    PageValues readPage(PageCursor cursor, Map<String, Object> extra, ServiceHandler handler, PageValues previous)
            throws BillmgrException {
        BillmgrRequest request = request(cursor.page(), extra);
        int[] rows = { 0 };
        Long[] firstId = { null };
        long before = cursor.read();
        PageValues shared = previous == null ? new PageValues() : previous.next();
        JsonNode doc = Nodes.doc(client.call(request, (ScalarRowHandler) row -> {
            if (rows[0] >= config.getPageSize()) {
                // BILLmanager sends at most p_cnt rows: more is not a page of it, and would be read without bound
                throw new BillmgrTransportException("page " + cursor.page() + " of '" + request.func() + "' holds more "
                        + "than the pageSize (" + config.getPageSize() + ") rows "
                        + "requested: the reply is not a page of a BILLmanager list; its "
                        + "connection was closed", request.func(), null, 200, "OK", null,
                        null, null);
            }
            BillmgrService service = checked(request, before + rows[0] + 1,
                    ServiceMapper.map(config.getItemType(), row, shared));
            if (rows[0]++ == 0) {
                firstId[0] = service.getId();
            }
            handler.service(service);
        }));
        cursor.advance(new PageCursor.Page(rows[0], ServiceMapper.parseLong(Nodes.text(doc, "p_elems")), firstId[0]),
                request.func());
        return shared;
    }

    BillmgrClient client() {
        return client;
    }

    /**
     * A row without a service id is not a service: whatever sent it, handing it on as one (with a null id) would make
     * every later step guess.
     */
    private static BillmgrService checked(BillmgrRequest request, long rowNumber, BillmgrService service)
            throws BillmgrTransportException {
        if (service.getId() != null && service.getId() > 0) {
            return service;
        }
        String id = service.getColumns().get("id");
        if (id == null || id.isBlank()) {
            id = service.getColumns().get("elid");
        }
        String problem = id == null || id.isBlank() ? "has no id"
                : "has the id '" + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "', which is not a service "
                        + "id (a positive whole number)";
        throw new BillmgrTransportException("row " + rowNumber + " of '" + request.func() + "' " + problem
                + ": the reply is not a list of services",
                request.func(), null, 200, "OK", null, null, null);
    }
}

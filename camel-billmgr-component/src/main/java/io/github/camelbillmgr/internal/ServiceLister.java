package io.github.camelbillmgr.internal;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrException;
import io.github.camelbillmgr.BillmgrTransportException;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;

/**
 * Reads a service list page by page ({@code p_cnt}/{@code p_num}), handing each row to a callback as it is parsed:
 * memory use is bounded by one row, not by the length of the list. Shared by the list producer and, later, the
 * polling consumer.
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
        BillmgrRequest request = new BillmgrRequest(FuncNames.list(config));
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

    /**
     * Reads every page (or only {@code pageNumber} when set), calling the handler for each service.
     *
     * @return the total number of matching services BILLmanager reported ({@code p_elems}), or the number read when
     *         it reported none
     */
    public long list(Map<String, Object> extra, ServiceHandler handler) throws BillmgrException {
        ServiceHandler target = handler;
        if (config.getExpiringWithinDays() != null) {
            java.time.LocalDate today = java.time.LocalDate.now(
                    config.getClock() != null ? config.getClock() : java.time.Clock.systemDefaultZone());
            java.time.LocalDate until = today.plusDays(config.getExpiringWithinDays());
            target = s -> {
                if (s.getExpireDate() != null && !s.getExpireDate().isBefore(today) && !s.getExpireDate().isAfter(until)) {
                    handler.service(s);
                }
            };
        }
        ServiceHandler emit = target;
        int pageSize = config.getPageSize();
        int page = config.getPageNumber() > 0 ? config.getPageNumber() : 1;
        long read = 0;
        Long total = null;
        while (true) {
            BillmgrRequest request = request(page, extra);
            long[] rowsOnPage = { 0 };
            long before = read;
            JsonNode doc = Nodes.doc(client.call(request, row -> {
                rowsOnPage[0]++;
                emit.service(checked(request, before + rowsOnPage[0], ServiceMapper.map(config.getItemType(), row)));
            }));
            read += rowsOnPage[0];
            Long reported = ServiceMapper.parseLong(Nodes.text(doc, "p_elems"));
            if (reported != null) {
                total = reported;
            }
            if (config.getPageNumber() > 0 || rowsOnPage[0] < pageSize || rowsOnPage[0] == 0
                    || (total != null && read >= total)) {
                break;
            }
            page++;
            if (total != null && (long) (page - 1) * pageSize > total + pageSize) {
                // BILLmanager keeps sending full pages beyond the total it reported: it ignores p_num.
                throw new BillmgrTransportException("BILLmanager keeps returning full pages of '" + request.func()
                                                    + "' beyond p_elems=" + total
                                                    + ": it seems to ignore paging (p_num)",
                        request.func(), null, 200, "OK", null, null, null);
            }
        }
        return total != null ? total : read;
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

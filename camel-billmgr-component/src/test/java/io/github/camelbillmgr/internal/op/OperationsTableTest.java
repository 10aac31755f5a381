package io.github.camelbillmgr.internal.op;

import java.util.Map;

import io.github.camelbillmgr.BillmgrConfiguration;
import io.github.camelbillmgr.BillmgrOperation;
import io.github.camelbillmgr.internal.http.BillmgrRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of operations: one entry per public operation, the func per API version and item type, the guards. */
class OperationsTableTest {

    @Test
    void everyOperationHasAnEntryThatMakesItsOperation() {
        for (BillmgrOperation op : BillmgrOperation.values()) {
            Operation made = Operations.create(config("vds", op.name(), 6));
            assertNotNull(made, op.name());
            assertEquals(Operations.func(op, config("vds", op.name(), 6)), made.func(), op.name());
            assertEquals(Operations.of(op).guard().recovers(), made.recovers(), op.name());
        }
        // one instance per producer: an operation may keep what it prepared once
        assertNotSame(Operations.create(config("vds", "order", 6)), Operations.create(config("vds", "order", 6)));
    }

    @Test
    void funcPerApiVersionAndItemType() {
        Map<String, String> expected = Map.of(
                "vds/order/6", "v2.vds.order.param",
                "vds/order/5", "vds.order.param",
                "platform/order/6", "platform.order.param",
                "vds/pricelist/6", "v2.vds.order.pricelist",
                "soft/pricelist/6", "soft.order.pricelist",
                "vds/prolong/6", "service.prolong",
                "vds/get/6", "vds.edit",
                "vds/edit/5", "vds.edit",
                "vds/list/6", "vds",
                "platform/suspend/6", "platform.suspend");
        expected.forEach((key, func) -> {
            String[] k = key.split("/");
            assertEquals(func, Operations.func(BillmgrOperation.find(k[1]), config(k[0], k[1], Integer.parseInt(k[2]))),
                    key);
        });
        assertEquals("order_period", Operations.orderPeriodParam(config("vds", "order", 6)));
        assertEquals("period", Operations.orderPeriodParam(config("vds", "order", 5)));
        assertEquals("period", Operations.orderPeriodParam(config("platform", "order", 6)));
    }

    @Test
    void aFuncCallIsAnOperationOfItsOwnNamedByIt() {
        Operation func = Operations.create(config("func", "dashboard.info", 6));
        assertInstanceOf(FuncOperation.class, func);
        assertEquals("dashboard.info", func.func());
        assertFalse(func.recovers());
    }

    @Test
    void theGuardsAreTheTablesAndTheFuncCallsReadThem() {
        assertEquals(Operations.Guard.BY_REMOTE_ID, Operations.of(BillmgrOperation.order).guard());
        assertEquals(Operations.Guard.BY_EXPIRE_DATE, Operations.of(BillmgrOperation.prolong).guard());
        assertEquals(Operations.Guard.BY_ADDON_VALUES, Operations.of(BillmgrOperation.edit).guard());
        for (BillmgrOperation read : new BillmgrOperation[] {
                BillmgrOperation.get, BillmgrOperation.list, BillmgrOperation.pricelist }) {
            assertEquals(Operations.Guard.READ, Operations.of(read).guard(), read.name());
        }
        // the service actions and renewals act even without sok: a func/ call of them is a change
        for (String f : new String[] { "platform.suspend", "vds.resume", "soft.delete", "service.prolong",
                "groupedit" }) {
            assertTrue(FuncOperation.changesState(new BillmgrRequest(f)), f);
        }
        for (String f : new String[] { "vds.edit", "whoami", "v2.vds.order.param", "dashboard.info" }) {
            assertFalse(FuncOperation.changesState(new BillmgrRequest(f)), f);
        }
        assertTrue(FuncOperation.changesState(new BillmgrRequest("vds.edit").param("sok", "ok")));
        assertTrue(FuncOperation.changesState(new BillmgrRequest("vds.order.param").param("clicked_button", "finish")));
    }

    private static BillmgrConfiguration config(String itemType, String operation, int apiVersion) {
        BillmgrConfiguration c = new BillmgrConfiguration();
        c.setItemType(itemType);
        c.setOperation(operation);
        c.setApiVersion(apiVersion);
        return c;
    }
}

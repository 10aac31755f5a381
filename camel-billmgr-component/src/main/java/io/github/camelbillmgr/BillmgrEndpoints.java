package io.github.camelbillmgr;

/**
 * A typed way to write {@code billmgr:} URIs in Java DSL, with completion and no misspelt options (Camel generates
 * its Endpoint DSL only for components in its own tree):
 *
 * <pre>
 * to(BillmgrEndpoints.vds().order().pricelist(6).period(1).addon(11, 2048).uri())
 * from(BillmgrEndpoints.vds().list().emit(BillmgrEmitMode.changes).delay(60_000).uri())
 * to(BillmgrEndpoints.func("dashboard.info").uri())
 * </pre>
 *
 * Credentials are not offered on purpose: set them on the component, where they never appear in a URI.
 */
public final class BillmgrEndpoints {

    private BillmgrEndpoints() {
    }

    /** Any item type, including a provider's own ({@code zabota-o-servere}). */
    public static ItemType type(String itemType) {
        return new ItemType(itemType);
    }

    public static ItemType vds() {
        return type("vds");
    }

    public static ItemType dedic() {
        return type("dedic");
    }

    public static ItemType vhost() {
        return type("vhost");
    }

    public static ItemType soft() {
        return type("soft");
    }

    public static ItemType platform() {
        return type("platform");
    }

    public static ItemType domain() {
        return type("domain");
    }

    /** {@code billmgr:func/<name>}: any other BILLmanager function. */
    public static BillmgrEndpointBuilder func(String name) {
        return new BillmgrEndpointBuilder("func", name);
    }

    /** The operations of one item type. */
    public static final class ItemType {
        private final String name;

        ItemType(String name) {
            this.name = name;
        }

        public BillmgrEndpointBuilder operation(BillmgrOperation operation) {
            return new BillmgrEndpointBuilder(name, operation.name());
        }

        public BillmgrEndpointBuilder order() {
            return operation(BillmgrOperation.order);
        }

        public BillmgrEndpointBuilder prolong() {
            return operation(BillmgrOperation.prolong);
        }

        public BillmgrEndpointBuilder edit() {
            return operation(BillmgrOperation.edit);
        }

        public BillmgrEndpointBuilder get() {
            return operation(BillmgrOperation.get);
        }

        public BillmgrEndpointBuilder list() {
            return operation(BillmgrOperation.list);
        }

        public BillmgrEndpointBuilder suspend() {
            return operation(BillmgrOperation.suspend);
        }

        public BillmgrEndpointBuilder resume() {
            return operation(BillmgrOperation.resume);
        }

        public BillmgrEndpointBuilder delete() {
            return operation(BillmgrOperation.delete);
        }

        public BillmgrEndpointBuilder pricelist() {
            return operation(BillmgrOperation.pricelist);
        }
    }
}

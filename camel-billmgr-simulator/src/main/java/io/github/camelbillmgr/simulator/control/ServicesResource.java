package io.github.camelbillmgr.simulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.camelbillmgr.simulator.BillmgrSimulator;
import io.github.camelbillmgr.simulator.SimState;
import io.github.camelbillmgr.simulator.engine.ServiceFactory;
import io.github.camelbillmgr.simulator.engine.Store;
import io.github.camelbillmgr.simulator.model.SimService;
import io.github.camelbillmgr.simulator.seed.SimSeed;

/**
 * {@code GET|POST /__sim/services[/ID]}: list the services, add one (as a seed's service), read one, change the
 * fields {@link ServiceChange} allows.
 */
final class ServicesResource implements ControlResource {

    private final BillmgrSimulator simulator;
    private final Store store;

    ServicesResource(BillmgrSimulator simulator, Store store) {
        this.simulator = simulator;
        this.store = store;
    }

    @Override
    public JsonNode handle(ControlRequest request) {
        SimState state = simulator.state();
        String rawId = request.id();
        if (rawId == null) {
            return switch (request.method()) {
                case "GET" -> {
                    ArrayNode list = ControlViews.JSON.createArrayNode();
                    state.services().forEach(service -> list.add(ControlViews.service(service)));
                    yield list;
                }
                case "POST" -> ControlViews.service(add(state, request.read(SimSeed.Service.class)));
                default -> throw request.notAllowed("GET, POST");
            };
        }
        long id;
        try {
            id = Long.parseLong(rawId);
        } catch (NumberFormatException e) {
            throw new ControlRefusal(404, "no such service '" + rawId + "'");
        }
        SimService service = state.service(id).orElseThrow(() -> new ControlRefusal(404, "no such service " + rawId));
        return switch (request.method()) {
            case "GET" -> ControlViews.service(service);
            case "POST", "PATCH", "PUT" -> {
                JsonNode body = request.object();
                ServiceChange change = ServiceChange.of(body);
                if (body.hasNonNull("owner") && state.account(body.get("owner").asText()) == null) {
                    throw new IllegalArgumentException("no such owner '" + body.get("owner").asText() + "'");
                }
                yield ControlViews.service(state.updateService(id, change::applyTo));
            }
            default -> throw request.notAllowed("GET, POST");
        };
    }

    private SimService add(SimState state, SimSeed.Service seeded) {
        if (seeded.itemType() == null || seeded.owner() == null || state.account(seeded.owner()) == null) {
            throw new IllegalArgumentException("a new service needs itemType and the user name of an existing owner");
        }
        if (state.catalogue().tariff(seeded.pricelist()).filter(t -> t.itemType().equals(seeded.itemType()))
                .isEmpty()) {
            throw new IllegalArgumentException("pricelist " + seeded.pricelist() + " is not a tariff of item type "
                    + seeded.itemType());
        }
        synchronized (store) {
            return new ServiceFactory(store).addSeeded(seeded);
        }
    }
}

package io.github.camelbillmgr.simulator.catalog;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The immutable product catalogue: tariffs by item type, data centres, OS templates and recipes. */
public final class Catalogue {

    private final Map<Long, Tariff> tariffs = new LinkedHashMap<>();
    private final Map<Integer, Datacenter> datacenters = new LinkedHashMap<>();
    private final Map<String, OsTemplate> osTemplates = new LinkedHashMap<>();
    private final Map<String, Recipe> recipes = new LinkedHashMap<>();
    private final Set<String> itemTypes = new LinkedHashSet<>();

    public Catalogue(List<Tariff> tariffs, List<Datacenter> datacenters, List<OsTemplate> osTemplates,
                     List<Recipe> recipes) {
        tariffs.forEach(tariff -> {
            this.tariffs.put(tariff.id(), tariff);
            itemTypes.add(tariff.itemType());
        });
        datacenters.forEach(dc -> this.datacenters.put(dc.id(), dc));
        osTemplates.forEach(template -> this.osTemplates.put(template.key(), template));
        recipes.forEach(recipe -> this.recipes.put(recipe.key(), recipe));
    }

    public Set<String> itemTypes() {
        return itemTypes;
    }

    public boolean hasItemType(String itemType) {
        return itemTypes.contains(itemType);
    }

    public Optional<Tariff> tariff(long id) {
        return Optional.ofNullable(tariffs.get(id));
    }

    public List<Tariff> tariffs() {
        return List.copyOf(tariffs.values());
    }

    public List<Tariff> tariffsOf(String itemType) {
        return tariffs.values().stream().filter(tariff -> tariff.itemType().equals(itemType)).toList();
    }

    public Optional<Datacenter> datacenter(int id) {
        return Optional.ofNullable(datacenters.get(id));
    }

    public List<Datacenter> datacenters() {
        return List.copyOf(datacenters.values());
    }

    public Optional<OsTemplate> osTemplate(String key) {
        return Optional.ofNullable(osTemplates.get(key));
    }

    public List<OsTemplate> osTemplates() {
        return List.copyOf(osTemplates.values());
    }

    public Optional<Recipe> recipe(String key) {
        return Optional.ofNullable(recipes.get(key));
    }

    public List<Recipe> recipes() {
        return List.copyOf(recipes.values());
    }
}

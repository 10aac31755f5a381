package io.github.camelbillmgr.model;

import java.util.List;
import java.util.Map;

/** A tariff (price list) that can be ordered, with its prices per period and all raw fields. */
public record BillmgrTariff(String id, String title, List<BillmgrPrice> prices, Map<String, String> fields) {
}

package io.github.camelbillmgr.internal.reply;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelbillmgr.BillmgrFormat;
import io.github.camelbillmgr.model.BillmgrService;
import io.github.camelbillmgr.model.BillmgrServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServiceMapperTest {

    private static JsonNode row(String json) throws Exception {
        JsonNode root = new DocumentReader(new ObjectMapper())
                .read(new ByteArrayInputStream(("{\"doc\":{\"elem\":" + json + "}}").getBytes(StandardCharsets.UTF_8)),
                        BillmgrFormat.json);
        return root.at("/doc/elem/0");
    }

    @Test
    void typedColumnsAndRawColumns() throws Exception {
        BillmgrService s = ServiceMapper.map("vds", row("{\"id\":{\"$\":\"1234\"},\"status\":{\"$\":\"3\"},"
                + "\"item_status\":{\"$\":\"Suspended\"},"
                + "\"expiredate\":{\"$\":\"2027-02-28\"},"
                + "\"autoprolong\":{\"$\":\"12\"},\"remoteid\":{\"$\":\"crm-1\"},"
                + "\"cost\":{\"$\":\"5.00 EUR\"},\"ip\":{\"$\":\"10.0.0.1\"}}"));
        assertEquals(1234L, s.getId());
        assertEquals(BillmgrServiceStatus.SUSPENDED, s.getStatus());
        assertEquals(LocalDate.of(2027, 2, 28), s.getExpireDate());
        assertEquals(12, s.getAutoprolong());
        assertEquals("crm-1", s.getRemoteId());
        assertEquals(new BigDecimal("5.00"), s.getCost());
        assertEquals("EUR", s.getCurrency());
        assertEquals("10.0.0.1", s.getColumn("ip"));
        assertEquals("Suspended", s.getColumn("item_status"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5.00 EUR|5.00|EUR", "1 500.00 RUB|1500.00|RUB", "€5.00|5.00|€", "5.00 EUR / month|5.00|EUR",
            "12,50 RUB|12.50|RUB", "0|0|" })
    void costsAsBillmanagerShowsThem(String text, String amount, String currency) throws Exception {
        BillmgrService s = ServiceMapper.map("vds", row("{\"id\":{\"$\":\"1\"},\"cost\":{\"$\":\"" + text + "\"}}"));
        assertEquals(new BigDecimal(amount), s.getCost());
        assertEquals(currency, s.getCurrency());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "2027-01-31|2027-01-31", "31.01.2027|2027-01-31",
            "2027-01-31 12:00:00|2027-01-31", "0000-00-00|", "|", "soon|" })
    void expireDates(String text, String expected) {
        assertEquals(expected == null ? null : LocalDate.parse(expected), ServiceMapper.parseDate(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "1|1", "12|12", "1 month|1", "off|", "null|", "0|", "|", "007|7",
            "' 3'|3", "'3 '|3", "12abc|12", "1.5|", "1,5|", "-1|", "+1|", "999999999|999999999", "00|", "'1\n'|1",
            "'1 x\n'|" })
    void autoprolongIsMonthsOrOff(String text, Integer expected) {
        assertEquals(expected, ServiceMapper.parseAutoprolong(text));
    }

    @Test
    void unknownStatusCodeIsKeptRaw() throws Exception {
        BillmgrService s = ServiceMapper.map("vds", row("{\"id\":{\"$\":\"1\"},\"status\":{\"$\":\"9\"}}"));
        assertEquals(BillmgrServiceStatus.UNKNOWN, s.getStatus());
        assertEquals("9", s.getColumn("status"));
        assertNull(s.getExpireDate());
    }
}

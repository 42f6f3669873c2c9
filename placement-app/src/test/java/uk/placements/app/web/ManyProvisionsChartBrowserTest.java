package uk.placements.app.web;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import uk.placements.command.http.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' charts stay readable with as many provisions as the demo has (36) and more: one row of bars per
 * provision, its name written beside it, no two names overlapping, at a laptop's width and at 320 px.
 */
class ManyProvisionsChartBrowserTest extends BrowserTest {

    static final List<String> PLACES = List.of("Ashworth", "Brackenfield", "Coldharbour", "Dunmore", "Elmstead",
            "Fairlight", "Greystones", "Hollinwood", "Ivybridge", "Juniper Hill", "Kingsmead", "Larkrise");

    /**
     * The chart's category labels as drawn: for each, its text and its box in the page (canvas position plus where
     * Chart.js wrote it, measured with the chart's own font), and the box of the first dataset's bar in its row.
     */
    static final String DRAWN = """
            const canvas = document.querySelector(arguments[0] + ' canvas');
            const chart = window.Chart.getChart(canvas);
            const scale = chart.scales[chart.options.indexAxis === 'y' ? 'y' : 'x'];
            const at = canvas.getBoundingClientRect();
            const ctx = canvas.getContext('2d');
            const bars = chart.getDatasetMeta(0).data;
            const items = scale.getLabelItems();
            return items.map((item, i) => {
              const lines = Array.isArray(item.label) ? item.label : [String(item.label)];
              ctx.save(); ctx.font = item.font.string;
              const width = Math.max(...lines.map((l) => ctx.measureText(l).width));
              ctx.restore();
              const [x, y] = item.options.translation;
              const height = lines.length * item.font.lineHeight;
              const top = y + item.textOffset - item.font.lineHeight / 2;
              const left = item.options.textAlign === 'right' ? x - width : (item.options.textAlign === 'center' ? x - width / 2 : x);
              const bar = bars[i].getProps(['x', 'y', 'base', 'height', 'width'], true);
              return {
                name: String(chart.data.labels[i]), text: lines.join(' '), size: item.font.size,
                left: at.left + left, right: at.left + left + width, top: at.top + top, bottom: at.top + top + height,
                barLeft: at.left + Math.min(bar.base, bar.x), barRight: at.left + Math.max(bar.base, bar.x),
                barTop: at.top + bar.y - bar.height / 2, barBottom: at.top + bar.y + bar.height / 2,
                canvasLeft: at.left, canvasRight: at.right, canvasTop: at.top, canvasBottom: at.bottom,
                count: chart.data.labels.length, ticks: scale.ticks.length,
              };
            });""";

    @Test
    void everyProvisionHasItsRowAndNoNamesOverlap() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 38; i++) {
            String id = Api.newProvisionId("WEBMANY");
            String place = PLACES.get(i % PLACES.size()) + (i < PLACES.size() ? "" : " " + (i / PLACES.size() + 1));
            String name = switch (i % 3) {
                case 0 -> place + " ASD and SLCN Resource Base";
                case 1 -> "The Willow Centre, " + place + " (SEMH SEN Unit)";
                default -> place + " Church of England Primary Academy Speech and Language Resource Base";
            };
            names.add(name);
            assertThat(api.post("provision-admin", "/api/provisions",
                    Api.provisionJson(id, i % 3 == 1 ? "SEN_UNIT" : "RESOURCE_BASE", 0, 6, "\"ASD\",\"SLCN\"", 4 + i % 9)
                            .replace("Test provision " + id, name)).status()).isEqualTo(201);
        }
        String last = names.get(names.size() - 1);
        eventually(() -> api.get("analyst", "/api/dashboard/capacity").body().contains(last));
        eventually(() -> api.get("analyst", "/api/dashboard/inclusion").body().contains(last));

        signIn("analyst");
        for (Dimension size : List.of(new Dimension(1300, 900), new Dimension(320, 900))) {
            browser.manage().window().setSize(size);
            for (String page : List.of("capacity", "inclusion")) {
                open("/" + page + ".html");
                waitFor(By.cssSelector("#" + page + "-chart canvas[data-chart-ready=true]"));
                List<Map<String, Object>> drawn = drawn("#" + page + "-chart");
                String where = page + " at " + size.getWidth() + " px";
                browser.executeScript("document.querySelector(arguments[0]).scrollIntoView()", "#" + page + "-chart");
                screenshot("55-many-provisions-" + page + "-" + size.getWidth());

                assertThat(drawn).as(where + ": every provision has its label").hasSize((int) number(drawn.get(0), "count"));
                assertThat(drawn.stream().map(d -> (String) d.get("name")).toList()).as(where).containsAll(names);
                for (int i = 0; i < drawn.size(); i++) {
                    Map<String, Object> label = drawn.get(i);
                    String name = (String) label.get("name");
                    assertThat(number(label, "size")).as(where + ": legible " + name).isGreaterThanOrEqualTo(12);
                    assertThat(name).as(where + ": the label starts as its name")
                            .startsWith(first((String) label.get("text")).replace("…", ""));
                    assertThat(number(label, "left")).as(where + ": inside the chart " + name)
                            .isGreaterThanOrEqualTo(number(label, "canvasLeft") - 0.5);
                    assertThat(number(label, "top")).as(where + ": inside the chart " + name)
                            .isGreaterThanOrEqualTo(number(label, "canvasTop") - 0.5);
                    assertThat(number(label, "bottom")).as(where + ": inside the chart " + name)
                            .isLessThanOrEqualTo(number(label, "canvasBottom") + 0.5);
                    assertThat(number(label, "right")).as(where + ": the name is left of its bars " + name)
                            .isLessThanOrEqualTo(number(label, "barLeft") + 0.5);
                    // its bar is in its row: level with its name
                    double middle = (number(label, "barTop") + number(label, "barBottom")) / 2;
                    assertThat(middle).as(where + ": the bar of " + name + " is beside its name")
                            .isBetween(number(label, "top") - 12, number(label, "bottom") + 12);
                    if (i > 0) {
                        Map<String, Object> above = drawn.get(i - 1);
                        assertThat(number(label, "top")).as(where + ": " + name + " overlaps " + above.get("name"))
                                .isGreaterThanOrEqualTo(number(above, "bottom") - 0.5);
                    }
                }
                if (page.equals("capacity")) {
                    // commissioned places drawn for each provision: every one has its bar
                    for (Map<String, Object> label : drawn) {
                        if (names.contains(label.get("name"))) {
                            assertThat(number(label, "barRight") - number(label, "barLeft"))
                                    .as(where + ": the bar of " + label.get("name")).isGreaterThan(1);
                        }
                    }
                }
                assertThat(((Number) browser.executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue())
                        .as(where + ": the page does not scroll sideways").isLessThanOrEqualTo(0);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> drawn(String chart) {
        return (List<Map<String, Object>>) browser.executeScript(DRAWN, chart);
    }

    private static double number(Map<String, Object> drawn, String key) {
        return ((Number) drawn.get(key)).doubleValue();
    }

    private static String first(String text) {
        return text.split("\\s+")[0];
    }
}

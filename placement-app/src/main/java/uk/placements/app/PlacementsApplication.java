package uk.placements.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The embedded default: the command side, the read side and (later) the web client in one process on H2. */
@SpringBootApplication(scanBasePackages = {"uk.placements.command", "uk.placements.query", "uk.placements.edge",
        "uk.placements.app"})
public class PlacementsApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PlacementsApplication.class, args);
    }
}

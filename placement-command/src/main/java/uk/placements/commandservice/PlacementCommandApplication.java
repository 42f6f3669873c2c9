package uk.placements.commandservice;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The command side alone, as a service: aggregates, command handlers and the write API. */
@SpringBootApplication(scanBasePackages = {"uk.placements.command", "uk.placements.edge"})
public class PlacementCommandApplication {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(PlacementCommandApplication.class, args);
    }
}

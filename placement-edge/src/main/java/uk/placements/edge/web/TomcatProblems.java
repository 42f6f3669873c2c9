package uk.placements.edge.web;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Tomcat's own answers as problem details: puts {@link ProblemErrorReportValve} in place of the HTML error report valve Spring Boot gives Tomcat's host.
 * Runs after Spring Boot's own customizer (order 0), whose context customizer adds that valve, so this one's
 * context customizer, added later, finds it and replaces it.
 */
@Component
public class TomcatProblems implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // Tomcat answers TRACE itself with an empty 400 unless allowed; allowed, it meets Spring Security's firewall,
        // which refuses it with problem details (and spring.mvc.dispatch-trace-request keeps it from ever reaching
        // the servlet's echo of the request, Authorization header included).
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new ProblemErrorReportValve());
            if (host instanceof StandardHost standard) {
                // so that the host, starting, sees its error valve in place and adds no HTML one of its own
                standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

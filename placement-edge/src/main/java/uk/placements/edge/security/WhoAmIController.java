package uk.placements.edge.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Who the caller is and which roles they hold, so a client shows only the menus of those roles and checks a sign-in
 * without touching personal data. What each role may actually do is still decided by {@link SecurityConfiguration}.
 */
@RestController
public class WhoAmIController {

    public record Me(String user, List<String> roles) {
    }

    @GetMapping("/api/me")
    public Me me(Authentication authentication) {
        return new Me(authentication.getName(), authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .toList());
    }
}

package uk.placements.command.provision.domain;

import org.axonframework.modelling.command.Repository;
import uk.placements.command.placement.domain.ProvisionPlaces;
import uk.placements.shared.provision.ProvisionId;
import uk.placements.shared.provision.ProvisionProfile;

/**
 * Reaches the Provision aggregate from inside a placement command: the repository loads it into the current unit
 * of work (locking it for the rest of that unit of work), and the provision decides. Reserving and releasing are
 * not commands on the bus: this is the only way to them.
 */
public class RepositoryProvisionPlaces implements ProvisionPlaces {

    private final Repository<Provision> provisions;

    public RepositoryProvisionPlaces(Repository<Provision> provisions) {
        this.provisions = provisions;
    }

    @Override
    public ProvisionProfile profile(ProvisionId provision) {
        return provisions.load(provision.value()).invoke(Provision::profile);
    }

    @Override
    public boolean reserve(ReservePlace command) {
        return provisions.load(command.provisionId().value()).invoke(p -> p.reserve(command));
    }

    @Override
    public void release(ReleasePlace command) {
        provisions.load(command.provisionId().value()).execute(p -> p.release(command));
    }
}

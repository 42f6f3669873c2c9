-- Read models of the query side. Every table here is a projection of the event store: it can be dropped and
-- rebuilt from the events (POST /api/admin/projections/{name}/rebuild). Business dates are "what was true when";
-- recorded_at instants are "when we knew".

-- Processing group "caseload": each placement as it is now, its pupil, and its timeline.
CREATE TABLE rm_placement (
    placement_id          VARCHAR(36) PRIMARY KEY,
    version               BIGINT       NOT NULL,
    pupil_id              VARCHAR(36)  NOT NULL,
    status                VARCHAR(24)  NOT NULL,
    year_group            INT          NOT NULL,
    primary_need          VARCHAR(8)   NOT NULL,
    secondary_needs       VARCHAR(80)  NOT NULL,
    ehcp_status           VARCHAR(12)  NOT NULL,
    requested_type        VARCHAR(20),
    home_school_urn       VARCHAR(6)   NOT NULL,
    provision_id          VARCHAR(40),
    provision_type        VARCHAR(20),
    mainstream_percent    INT,
    below_integration_band BOOLEAN     NOT NULL,
    outside_designated_need BOOLEAN    NOT NULL,
    need_override_reason  VARCHAR(500),
    over_capacity_reason  VARCHAR(500),
    over_capacity_decided_by VARCHAR(100),
    referred_on           DATE         NOT NULL,
    offered_on            DATE,
    admitted_on           DATE,
    ended_on              DATE,
    end_reason            VARCHAR(20),
    last_recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Personal data in clear, opened with the pupil's key when the projection ran; never in views or exports.
    -- Kept per placement (not per pupil) so that segments replaying two placements of one pupil never collide.
    upn                   VARCHAR(13),
    given_name            VARCHAR(100),
    family_name           VARCHAR(100),
    date_of_birth         DATE,
    pupil_erased          BOOLEAN      NOT NULL,
    search_text           VARCHAR(300)
);
CREATE INDEX ix_rm_placement_status ON rm_placement (status, referred_on);
CREATE INDEX ix_rm_placement_provision ON rm_placement (provision_id, status);
CREATE INDEX ix_rm_placement_pupil ON rm_placement (pupil_id);
CREATE INDEX ix_rm_placement_upn ON rm_placement (upn);

CREATE TABLE rm_timeline (
    placement_id  VARCHAR(36)  NOT NULL,
    seq           BIGINT       NOT NULL,
    type          VARCHAR(40)  NOT NULL,
    on_date       DATE         NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    by_user       VARCHAR(100),
    detail        VARCHAR(600),
    PRIMARY KEY (placement_id, seq)
);

-- Processing group "placement-history": each placement's state over business time, one period per event, valid
-- from its business date until the next event's (a period of zero length is superseded the same day), and the
-- milestones dashboards count (offers, admissions, split changes, moves to mainstream, endings).
CREATE TABLE rm_placement_period (
    placement_id          VARCHAR(36) NOT NULL,
    seq                   BIGINT      NOT NULL,
    valid_from            DATE        NOT NULL,
    valid_to              DATE,
    status                VARCHAR(24) NOT NULL,
    year_group            INT         NOT NULL,
    primary_need          VARCHAR(8)  NOT NULL,
    ehcp_status           VARCHAR(12) NOT NULL,
    provision_id          VARCHAR(40),
    provision_type        VARCHAR(20),
    mainstream_percent    INT,
    below_integration_band BOOLEAN    NOT NULL,
    outside_designated_need BOOLEAN   NOT NULL,
    over_capacity         BOOLEAN     NOT NULL,
    referred_on           DATE        NOT NULL,
    offered_on            DATE,
    admitted_on           DATE,
    PRIMARY KEY (placement_id, seq)
);
CREATE INDEX ix_rm_placement_period_dates ON rm_placement_period (valid_from, valid_to);

CREATE TABLE rm_placement_milestone (
    placement_id  VARCHAR(36) NOT NULL,
    seq           BIGINT      NOT NULL,
    kind          VARCHAR(24) NOT NULL,
    on_date       DATE        NOT NULL,
    provision_id  VARCHAR(40),
    days_from_referral INT,
    days_from_offer    INT,
    PRIMARY KEY (placement_id, seq)
);
CREATE INDEX ix_rm_milestone_kind ON rm_placement_milestone (kind, on_date);

-- Processing group "provisions": each provision as it is now, and its changes by effective date (places,
-- staffing, status), so any figure can be read "as at" a date.
CREATE TABLE rm_provision (
    provision_id        VARCHAR(40) PRIMARY KEY,
    version             BIGINT       NOT NULL,
    name                VARCHAR(200) NOT NULL,
    type                VARCHAR(20)  NOT NULL,
    phase               VARCHAR(20)  NOT NULL,
    host_urn            VARCHAR(6)   NOT NULL,
    host_name           VARCHAR(200) NOT NULL,
    lowest_year         INT          NOT NULL,
    highest_year        INT          NOT NULL,
    designated_needs    VARCHAR(80)  NOT NULL,
    commissioned_places INT          NOT NULL,
    status              VARCHAR(10)  NOT NULL,
    opened_on           DATE         NOT NULL,
    closed_on           DATE,
    adults              INT,
    qualified_teachers  INT,
    therapy_hours_per_week NUMERIC(7, 1),
    staffing_from       DATE
);

CREATE TABLE rm_provision_change (
    provision_id        VARCHAR(40) NOT NULL,
    seq                 BIGINT      NOT NULL,
    -- OPENED (places and status from the opening date), PLACES, STAFFING, CLOSED
    kind                VARCHAR(10) NOT NULL,
    effective_from      DATE        NOT NULL,
    commissioned_places INT,
    status              VARCHAR(10),
    adults              INT,
    qualified_teachers  INT,
    therapy_hours_per_week NUMERIC(7, 1),
    reason              VARCHAR(500),
    PRIMARY KEY (provision_id, seq)
);
CREATE INDEX ix_rm_provision_change ON rm_provision_change (provision_id, kind, effective_from);

-- Over-capacity decisions as the provision recorded them (reason and who decided), for the dashboards.
CREATE TABLE rm_over_capacity_decision (
    provision_id  VARCHAR(40) NOT NULL,
    seq           BIGINT      NOT NULL,
    placement_id  VARCHAR(36) NOT NULL,
    decided_on    DATE        NOT NULL,
    places_taken  INT         NOT NULL,
    commissioned_places INT   NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    decided_by    VARCHAR(100) NOT NULL,
    PRIMARY KEY (provision_id, seq)
);

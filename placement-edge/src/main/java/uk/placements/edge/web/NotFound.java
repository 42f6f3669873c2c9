package uk.placements.edge.web;

/** 404: the path names no aggregate (or no well-formed id at all, which can name nothing). */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super("no " + what + " with id " + (id.length() > 60 ? id.substring(0, 60) + "…" : id), null, false, false);
    }
}

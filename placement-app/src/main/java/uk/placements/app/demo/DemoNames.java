package uk.placements.app.demo;

import java.util.List;

/**
 * Word lists for a fictional authority: common English given and family names (combined at random, so no real
 * pupil is described) and generic English place names for host schools.
 */
final class DemoNames {

    static final List<String> GIVEN = List.of(
            "Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar", "Charlie",
            "Jacob", "Thomas", "Henry", "William", "Alfie", "Joshua", "Freddie", "Archie", "Ethan", "Isaac",
            "Alexander", "Joseph", "Edward", "Samuel", "Max", "Logan", "Lucas", "Daniel", "Theo", "Mason",
            "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia",
            "Grace", "Freya", "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte",
            "Evelyn", "Sienna", "Daisy", "Phoebe", "Sophie", "Alice", "Harper", "Matilda", "Ruby", "Emilia",
            "Aisha", "Zara", "Amir", "Yusuf", "Priya", "Arjun", "Kacper", "Zofia", "Tyler", "Kayden");

    static final List<String> FAMILY = List.of(
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
            "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
            "Patel", "Khan", "Lewis", "James", "Phillips", "Mason", "Mitchell", "Rose", "Davis", "Rodriguez",
            "Cox", "Alexander", "Morgan", "Moore", "Mills", "King", "Harris", "Turner", "Baker", "Allen",
            "Ward", "Hughes", "Edwards", "Bennett", "Cooper", "Hill", "Scott", "Young", "Morris", "Price",
            "Bell", "Shaw", "Murphy", "Hussain", "Ali", "Begum", "Kowalski", "Nowak", "O'Brien", "Kelly",
            "Fletcher", "Marshall", "Holmes", "Palmer", "Lloyd", "Barker", "Chapman", "Webb", "Simpson", "Ellis");

    static final List<String> PLACES = List.of(
            "Ashgrove", "Beechwood", "Brookfield", "Castle Hill", "Elmhurst", "Fairfield", "Greenbank",
            "Hillside", "Kingsmead", "Lakeside", "Meadowbank", "Northgate", "Oakfield", "Parkside", "Queensway",
            "Riverside", "Springfield", "Thornbury", "Westfield", "Woodlands", "Holmwood", "Langley Park",
            "Millbrook", "Redhill", "Stanmore", "Templeton", "Upton", "Whitecross", "Ashby", "Bramley",
            "Chilton", "Dunmore", "Eastleigh", "Foxhill", "Gorsebrook", "Hawthorn", "Ivydene", "Juniper Green",
            "Kelsey", "Larkrise", "Moorfield", "Netherton", "Orchard Vale", "Pinewood", "Rowan Park",
            "Southmead", "Tennyson", "Valley Road", "Wellfield", "Yewtree");

    static final List<String> SAINTS = List.of(
            "Mary", "John", "Peter", "Paul", "Andrew", "Michael", "Anne", "Luke", "Margaret", "Bede");

    static final List<String> CENTRES = List.of(
            "Willow", "Rainbow", "Acorn", "Harbour", "Compass", "Lighthouse", "Maple", "Phoenix", "Kingfisher",
            "Bridges", "Oasis", "Horizon");

    private DemoNames() {
    }
}

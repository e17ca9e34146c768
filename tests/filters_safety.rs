//! Article text that looks like page furniture must survive the filters:
//! prose that mentions cookies, newsletters, comments or advertisements,
//! datelines, bylines, Q/A lines, results, corrections and credits, in
//! several languages. Each case is a whole document run through the
//! library; every block must come out.

use newsclean::{filters, Config, RuleSet};

const BODY_EN: &str = "The council said the plan would be reviewed after twelve months, and that residents would be consulted before any permanent change.";
const MORE_EN: &str = "Opposition members said the consultation should have come first, before the council spent money on signs and barriers.";
const MORE_ES: &str = "La oposición reclamó que la consulta se hiciera antes de gastar dinero en señales y vallas provisionales.";
const BODY_ES: &str = "El Ayuntamiento explicó que el plan se revisará dentro de un año y que los vecinos serán consultados antes de cualquier cambio definitivo.";

fn assert_all_kept(blocks: &[&str]) {
    let mut changes = Vec::new();
    let keep = filters::apply(
        blocks,
        &RuleSet::builtin(),
        &Config::default(),
        &mut changes,
    );
    let lost: Vec<String> = changes.iter().map(|change| change.describe()).collect();
    assert!(keep.iter().all(|kept| *kept), "content dropped: {lost:#?}");
}

#[test]
fn prose_mentioning_boilerplate_words_is_kept() {
    assert_all_kept(&[
        "Readers pushed back on the new cookie rules",
        BODY_EN,
        "We use cookies, the banner says, but it does not say which ones or for how long, the regulator found in its report on Tuesday.",
        "Sign-ups to the paper’s newsletter doubled after it began sending a shorter morning edition, the editor said.",
        "The advertisement, which ran for three weeks on local radio, was withdrawn after complaints from parents.",
        "Under the heading Leave a Reply, the site invited readers to share their own stories of the flood.",
        "Subscribers who already pay for the print edition will be able to read the website at no extra cost.",
        "Share prices in the company fell by 12% after the announcement, wiping £40m off its value.",
        "Don't miss the deadline: register for the vote by Friday.",
        "Stay informed: sign up for the city's emergency alerts, officials urged residents on Tuesday.",
        "The council said it would read more about cookies before deciding on the new website.",
        "Subscribers only pay for the print edition in the first year, under the new pricing.",
        "This article is for subscribers of the old print edition who asked about the refund.",
        "Posted in Transport for London’s review, the notice was taken down within a day.",
        "Open menus at the new restaurant change every week, the owner explained.",
        "Newsletter\nThe paper’s newsletter now reaches 40,000 readers every morning.\nIt began as a single sheet in 2019.",
        MORE_EN,
    ]);
}

/// Sentences of a story that quote or retell a banner, a prompt or a
/// footer, and say who is speaking, stay wherever they stand: right under
/// the headline, in the body, or as the last paragraph.
#[test]
fn reported_banner_words_are_kept_at_the_top_in_the_body_and_at_the_end() {
    let sentences = [
        "We use cookies made by hand in our own kitchens, the founder said.",
        "This site uses cookies from three suppliers, according to the filing.",
        "Cookies help us stand out, said the chief executive, pointing to the chain’s oatmeal biscuits.",
        "Download the app to collect loyalty points, the company told customers in a letter.",
        "Get the latest figures delivered to your inbox, the treasurer told councillors in a memo.",
        "Click to share your views on the council website, the mayor urged residents.",
        "If you continue to buy bread at the chain, your loyalty points will carry over, the company said, adding that privacy rules would be respected.",
        "The studio said all rights reserved under the 1998 contract remain with the producers.",
        "“Suscríbete a nuestro boletín”, dijo la directora, era el lema de la campaña.",
        "Este sitio utiliza cookies de tres proveedores, según la documentación presentada.",
        "Abonnez-vous à notre newsletter, disait l'ancien slogan imprimé sur chaque sac.",
        "Ce site utilise des cookies de trois fournisseurs, selon le dossier.",
        "Jetzt zum Newsletter anmelden, lautete der alte Werbespruch auf jeder Tüte.",
    ];
    for sentence in sentences {
        assert_all_kept(&[
            "Bakery chain agrees merger with rival",
            sentence,
            BODY_EN,
            MORE_EN,
        ]);
        assert_all_kept(&[
            "Bakery chain agrees merger with rival",
            BODY_EN,
            sentence,
            MORE_EN,
        ]);
        assert_all_kept(&[
            "Bakery chain agrees merger with rival",
            BODY_EN,
            MORE_EN,
            sentence,
        ]);
    }
}

#[test]
fn short_lines_of_the_story_are_kept() {
    assert_all_kept(&[
        "Mayor resigns after expenses inquiry",
        "By Ellen Marsh",
        "Published 3 May 2024",
        "LONDON (Reuters) -",
        "Moscow:",
        BODY_EN,
        "What happens next",
        "Q: Did you know about the payments?",
        "A: No.",
        "Results:\nAshby 2 Coleford 1\nDenton 0 Elmstead 0",
        "Correction: An earlier version of this story gave the wrong date for the vote.",
        "Editor’s note: Names have been changed to protect the family’s privacy.",
        "— Reporting by Ellen Marsh; editing by Sam Cole",
        "This interview has been edited for length and clarity.",
        MORE_EN,
    ]);
}

#[test]
fn a_comment_subheading_in_the_body_is_kept() {
    assert_all_kept(&[
        "Why newspapers are closing their comment sections",
        BODY_EN,
        "Comments",
        "Most regional papers now close comments on court reports, and some have removed them altogether after a rise in abusive posts.",
        MORE_EN,
    ]);
}

#[test]
fn other_languages_are_safe_too() {
    assert_all_kept(&[
        "El Gobierno aprueba la nueva ley de cookies",
        "Por Marta Gil",
        BODY_ES,
        "La publicidad institucional se reducirá un 20 % el próximo año, según el decreto aprobado el martes.",
        "Deja una respuesta por escrito antes del viernes, pidió el alcalde a los grupos de la oposición.",
        "Madrid:",
        MORE_ES,
    ]);
    assert_all_kept(&[
        "Le gouvernement veut encadrer les bannières de cookies",
        "Par Claire Dumas",
        "La publicité en ligne représente désormais plus de la moitié des recettes des éditeurs de presse, selon le rapport.",
        "« Laisser un commentaire ne suffit plus, il faut des modérateurs », estime la chercheuse.",
        "Les abonnés à la newsletter du ministère recevront le détail des mesures dès lundi matin.",
    ]);
    assert_all_kept(&[
        "Самара:",
        "Реклама на фасадах исторических зданий будет запрещена с первого января, сообщили в мэрии.",
        "Депутаты обсудили законопроект о рекламе и решили вернуться к нему осенью.",
        "Министерство призвало жителей подписываться на телеграм-канал МЧС, чтобы получать предупреждения о паводке.",
    ]);
    assert_all_kept(&[
        "Νέα δρομολόγια λεωφορείων στη Θεσσαλονίκη",
        "Τα σχόλια των κατοίκων στη δημόσια διαβούλευση ήταν κυρίως θετικά, αν και πολλοί ζήτησαν περισσότερες στάσεις.",
        "Η διαφήμιση του έργου στα τοπικά κανάλια κόστισε 40.000 ευρώ, σύμφωνα με τον προϋπολογισμό του δήμου.",
        "Σχόλια και προτάσεις μπορούν να υποβληθούν έως τις 30 Ιουνίου.",
        "Κοινοποίηση των στοιχείων στην εφορία είναι πλέον υποχρεωτική για όλες τις επιχειρήσεις.",
    ]);
    assert_all_kept(&[
        "Neue Radwege in der Innenstadt",
        "Auch interessant ist, dass die Brücke weniger kostet als geplant, sagte die Baudezernentin.",
        "Wir verwenden Cookies nur mit Zustimmung der Nutzer, betonte der Datenschutzbeauftragte der Stadt.",
        "Jetzt für unseren Newsletter anmelden können sich auch Vereine, teilte die Stadt mit.",
    ]);
    assert_all_kept(&[
        "Nowe ścieżki rowerowe w centrum",
        "Zobacz także, jak zmieniły się ceny biletów w ciągu ostatniego roku, radzi rzecznik przewoźnika.",
        "Fot. z archiwum rodziny pokazuje most jeszcze przed wojną, a dziś stoi w muzeum.",
    ]);
    assert_all_kept(&[
        "الحكومة تحظر الإعلان عن السجائر في الشوارع",
        "قالت الوزارة إن الإعلان عن المشروع سيتم الأسبوع المقبل بعد موافقة مجلس الوزراء على الميزانية.",
        "وأضاف المتحدث أن المواطنين يمكنهم مشاركة آرائهم عبر الموقع الإلكتروني للوزارة حتى نهاية الشهر.",
    ]);
    assert_all_kept(&[
        "市政府将整顿户外广告牌",
        "市政府表示，新规定将于下月起实施，所有户外广告牌必须在六个月内完成登记。",
        "网友在微博上分享了现场照片，相关话题的阅读量超过一亿次。",
    ]);
    assert_all_kept(&[
        "Governo quer que os cidadãos recebam alertas por e-mail",
        "Quem se cadastrar no portal vai receber as notícias sobre o programa por e-mail, informou o ministério nesta terça-feira.",
        "O programa começa em abril e deve atender 2 milhões de famílias, segundo o governo federal.",
    ]);
}

#[test]
fn a_repeated_chorus_and_short_answers_are_kept() {
    let chorus =
        "We will walk in the morning light\nwe will walk till the end of night\nwe will walk";
    assert_all_kept(&[
        "Choir sings in the square",
        chorus,
        BODY_EN,
        chorus,
        "Q: Will you sing again?",
        "A: Yes.",
        "Q: Next year?",
        "A: Yes.",
    ]);
}

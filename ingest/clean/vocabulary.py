"""Interface words of many languages: what page furniture says.

Data only: ingest.clean.rules builds its line patterns from these. The words are
short user-interface words and phrases in about thirty languages (share,
subscribe, advertising, comments, related stories, author boxes, navigation,
photo credits, copyright notices), never phrases taken from particular articles.

The *_PHRASES are regular-expression alternations matched case-insensitively
against whole short lines (rules._SHORT, whose group names are the rules; a few
entries take a pattern after the word: "more from .{1,40}"); the tuples are
literal lower-case words.
"""

from __future__ import annotations

# --- whole short lines: one alternation each (rules._SHORT) ----------------------

# Share buttons and the networks they name.
SHARE_PHRASES = (
    r"(?:share|shares|sharing|share (?:this|on|via|the|article|story|post)\b.*|tweet|"
    r"tweet this|pin it|pin|email|e-mail|print|whatsapp|facebook|twitter|linkedin|reddit|"
    r"pinterest|tumblr|telegram|vk|vkontakte|google ?\+|google plus|flipboard|messenger|"
    r"retweet(?: this(?: article| post| story)?)?|copy link|copy url|link copied|enlace copiado|link kopiert|lien copié|link copiato|link copiado|"
    r"send|save|bookmark|teilen|drucken|поделиться|"
    r"bagikan|compartir|partager|compartilhar|\d++\s*+(?:shares?)|"
    # "share" in other languages, alone or with one word ("Sdílet článek", "Del artikkel")
    r"(?:partilhar|condividi|condividere|delen|dela|dele|del|jaa|udostępnij|sdílet|zdieľať|"
    r"megosztás|distribuie|paylaş|поделитесь|поділитися|シェア|共有|分享|공유|공유하기|分享到|打印|この記事を共有|この記事をシェア|"
    r"แชร์|แบ่งปัน|chia sẻ|शेयर|शेयर करें|شارك|مشاركة)(?:\s+\S+)?)"
    r"(?:\s*(?:on|via)\s+\w+)?"
)
# The buttons of a share row, a line of nothing else ("Facebook Twitter Google+ WhatsApp", "Teilen
# Merken Drucken", "Social sharing"): the networks and the share, save, print and copy buttons in
# many languages (rules._share_row). Lower case, whole words.
SHARE_ROW_WORDS = frozenset((
    "share", "shares", "sharing", "social", "tweet", "email", "e-mail", "mail", "print", "save", "bookmark", "copy",
    "link", "whatsapp", "facebook", "twitter", "x", "linkedin", "reddit", "pinterest", "tumblr", "telegram", "vk",
    "flipboard", "messenger", "google+", "threads", "bluesky", "mastodon", "xing", "sms", "teilen", "drucken",
    "merken", "kopieren", "compartir", "imprimir", "guardar", "partager", "imprimer", "enregistrer", "compartilhar",
    "partilhar", "condividi", "stampa", "salva", "delen", "printen", "opslaan", "dela", "dele", "del",
    "jaa", "tulosta", "udostępnij", "drukuj", "sdílet", "tisk", "uložit", "поделиться", "печать", "paylaş", "yazdır"))
# Words a share row puts between its buttons ("Share this article via email", "Per E-Mail teilen",
# "Partager sur Facebook"); a row holds at least two buttons.
SHARE_ROW_FILLERS = frozenset(("via", "per", "on", "this", "article", "story", "the", "auf", "artikel", "sur",
                               "cet", "article", "por", "en", "este", "artículo", "su", "op", "på", "na", "w"))
# A call to click a link, as the sentence after a question or an exclamation opens it ("Do you
# rely on our reporting? Click here to support it.", "DHB jetzt auch digital! Einfach hier
# klicken und ... registrieren!"): lower case, with the words that may come before it.
CLICK_CALLS = ("click here", "tap here", "hier klicken", "klicken sie hier", "klick hier", "cliquez ici",
               "haga clic aquí", "haz clic aquí", "clique aqui", "clicca qui", "klik hier", "kliknij tutaj")
CLICK_LEADS = ("just", "simply", "please", "einfach", "bitte", "jetzt")
# The verbs that open a prompt to share the article, with its headline after a colon ("Share or
# comment on this article: Headline", "Teilen Sie diesen Artikel: ..."): first words, lower case
# (not the Scandinavian "del" nor the Dutch "deel", which are also "part" and, in Spanish, "of the").
SHARE_PROMPT_VERBS = frozenset(("share", "teilen", "partager", "partagez", "compartir", "comparte", "compartilhar",
                                "partilhar", "condividi", "delen", "dela", "udostępnij", "sdílet",
                                "поделиться", "поделитесь", "paylaş"))
# Subscribe, sign-in, follow and app prompts: the verbs, and a short line that is one of them
# and what may follow it ("Subscribe now", "Sign up for our newsletter").
SUBSCRIBE_VERBS = (
    r"(?:subscribe|subscribe now|sign up|sign in|log ?in|log out|register|"
    r"newsletter|newsletters|join us|join our newsletter|"
    # an account's prompts: "Create an account", "Already have an account?", "Créer un compte"
    # (spelt out, no inner alternation: every word after "(?:" or "|" opens the line gate, rules._first_words)
    r"sie sind nicht eingeloggt|sie sind nicht angemeldet|sie sind aktuell nicht eingeloggt|du bist nicht eingeloggt|"
    r"you are not logged in|you are not signed in|"
    r"create an account|create your account|create account|already have an account\??|créer un compte|"
    r"vous avez déjà un compte\s*\??|konto erstellen|sie haben bereits ein konto\??|crear una cuenta|crear cuenta|"
    r"¿?ya tienes una cuenta\??|criar uma conta|criar conta|sign up for (?:our|the) newsletters?|follow us(?: on \w+)?|follow|unfollow|abonnieren|"
    r"anmelden|подписаться|подпишитесь.*|войти|berlangganan|langganan|masuk|daftar|"
    r"suscr[ií]bete|inscreva-se|s'abonner|newsletter abonnieren|get the app|download the app|"
    r"iscriviti|abbonati|abonneren|abonneer|prenumerera|abonner|abonnér|tilaa|subskrybuj|"
    r"zaprenumeruj|odebírat|předplatit|feliratkozás|abonează-te|abone ol|підписатися|订阅|구독|"
    # log in, register, follow us in Chinese, Japanese, Korean; Thai: subscribe, log in, register, follow us
    r"登录|注册|关注我们|ログイン|会員登録|로그인|회원가입|"
    r"สมัครสมาชิก|เข้าสู่ระบบ|ลงทะเบียน|ติดตามเรา|"
    # Vietnamese, Hindi, Arabic: log in, register, subscribe
    r"đăng nhập|đăng ký|लॉगिन|सब्सक्राइब करें|تسجيل الدخول|اشترك)"
)
# What may follow a subscribe verb on its short line ("Subscribe now", "Sign up for our newsletter").
SUBSCRIBE_FOLLOWERS = r"to|for|now|here|today|our newsletter|newsletter"
SUBSCRIBE_PHRASES = SUBSCRIBE_VERBS + r"(?:\s+(?:" + SUBSCRIBE_FOLLOWERS + r")\b.*)?"
# Log-in and register buttons of more languages (German, French, Spanish, Italian, Portuguese, Dutch,
# Nordic, Polish, Czech, Turkish, Russian, Ukrainian, Japanese, Chinese), and an account's prompt on a
# line of its own with what may follow its verb ("Log in or create an account to continue",
# "Anmelden und weiterlesen", "Jetzt kostenlos"): a paywall's or an overlay's lines (rule "phrase:ui").
# Not a subscription box's end of the article: a paywall's box stands above the article as often as
# under it, and its "Sign In or Create an Account" ended an Ottawa Citizen article before it began.
ACCOUNT_VERBS = (
    r"(?:einloggen|registrieren|konto anlegen|se connecter|connectez-vous|connexion|s'inscrire|inscrivez-vous|"
    r"iniciar sesión|inicia sesión|regístrate|registrate|registrarse|accedi|registrati|iniciar sessão|"
    r"cadastre-se|registre-se|inloggen|registreren|logga in|registrera dig|logg inn|log ind|kirjaudu|"
    r"kirjaudu sisään|rekisteröidy|zaloguj się|zaloguj|zarejestruj się|přihlásit se|přihlásit|giriş yap|"
    r"kayıt ol|üye ol|зарегистрироваться|увійти|ログインする|新規登録|今すぐ登録|登入|註冊)"
)
PROMPT_FOLLOWERS = (SUBSCRIBE_FOLLOWERS + r"|or|and|oder|und|ou|et|o|y|e|"
                    r"jetzt|hier|kostenlos|gratis|maintenant|ici|gratuitement|ahora|aquí|ora|qui|nu")
ACCOUNT_PHRASES = r"(?:" + SUBSCRIBE_VERBS + r"|" + ACCOUNT_VERBS + r")(?:\s+(?:" + PROMPT_FOLLOWERS + r")\b.*)?"
# Advertising markers.
AD_PHRASES = (
    r"(?:advertisements?|advertising|advert|ads?|sponsored(?: content| links?| by .*)?|"
    # Japanese: sponsored link
    r"スポンサードリンク|スポンサード リンク|スポンサーリンク|"
    r"promoted(?: content)?|paid content|partner content|anzeige|werbung|реклама|iklan|"
    r"publicidad|publicidade|publicité|story continues below(?: advertisement)?|"
    r"reklama|reklam|pubblicità|advertentie|annons|annonse|annonce|mainos|hirdetés|publicitate|"
    r"реклама|広告|广告|광고|โฆษณา|quảng cáo|विज्ञापन|إعلان|"
    r"continue reading below|article continues below(?: advertisement)?|"
    # ... and in other languages: the article goes on after the ad ("Gleich weiterlesen", "Weiter nach der
    # Anzeige", "La suite après la publicité", "El artículo continúa después del anuncio")
    r"gleich weiterlesen(?: ?\.\.\.|…)?|gleich können sie weiterlesen!?|weiter nach der anzeige|"
    r"lesen sie nach der anzeige weiter|der artikel wird nach der anzeige fortgesetzt|artikel geht nach der anzeige weiter|"
    r"la suite après (?:la|cette) publicité|la suite de l'article après (?:la|cette) publicité|"
    r"el artículo continúa (?:después del|tras el|debajo del) anuncio|sigue leyendo después del anuncio|"
    r"continúa leyendo después del anuncio|l'articolo continua (?:sotto|dopo la pubblicità)|"
    r"continua a leggere dopo la pubblicità|o artigo continua (?:após|depois d)a publicidade|"
    r"het artikel gaat verder (?:onder|na) de advertentie|artikeln fortsätter under annonsen|"
    r"artikkelen fortsetter under annonsen|artiklen fortsætter under annoncen|"
    r"this advertisement has not loaded yet(?:, but your article continues below)?|"
    # the labels ad and recommendation networks put on their slots and boxes
    r"advertising inread invented by teads|inread invented by teads|promoted links by .{1,20}|"
    r"promoted stories by .{1,20}|promoted content by .{1,20}|sponsored links by .{1,20}|sponsored stories by .{1,20}|"
    r"recommended by outbrain|recommended by taboola|"
    r"scroll to continue(?: with content)?|skip ad)"
)
# Comment widgets and reply buttons.
COMMENTS_PHRASES = (
    r"(?:\d++\s++)?(?:comments?|view comments|show comments|leave a comment|"
    r"add a comment|post a comment|write a comment|post with no comments|no comments(?: yet)?|"
    r"show more comments|show all comments|load more comments|view more comments|view all comments|"
    r"see more comments|see all comments|alle kommentare anzeigen|mehr kommentare(?: anzeigen| laden)?|"
    r"keine kommentare|sin comentarios|aucun commentaire|nessun commento|geen reacties|sem comentários|inga kommentarer|"
    r"ver más comentarios|voir plus de commentaires|envía tu comentario|enviá tu comentario|envia tu comentario|envíe su comentario|"
    r"be the first to comment|join the (?:conversation|discussion)|discussion|reply|replies|"
    r"antworten|beantworten|responder|répondre|rispondi|rispondere|beantwoorden|reageer|svar|svara|"
    r"svare|vastaa|odpovědět|odpowiedz|válasz|ответить|balas|yanıtla|"
    r"kommentare?|kommentieren|комментари[йия]?|комментарии \(\d+\)|komentar|comentarios?|"
    r"coment[aá]rios?|commentaires?|"
    r"commenti|reacties|kommentarer|kommentit|kommenttia|komentarze|komentarzy|"
    r"komentáře|komentářů|komentárov|комментариев|"
    # a singular only after its count: alone it also heads an article's commentary ("Komentarz")
    r"\d+ (?:commento|reactie|kommentti|komentarz|komentář|komentár|hozzászólás|yorum)|"
    r"hozzászólások|comentarii|yorumlar|коментарі|コメント|评论|評論|留言|發表留言|发表留言|回覆|回复|댓글|"
    # the head of a comment form, as blog and news software words it ("Leave a Reply", "Schreibe
    # einen Kommentar", "Deja una respuesta", "Laisser un commentaire", "Cancel reply")
    r"leave a reply|leave a response|cancel reply|write a reply|"
    r"schreib(?:e|en sie)? einen kommentar|hinterlasse(?:n sie)?(?: jetzt)? (?:einen kommentar|eine antwort)|"
    r"kommentar (?:verfassen|"
    r"hinterlassen|schreiben|abgeben)|einen kommentar (?:schreiben|hinterlassen)|antworten abbrechen|"
    r"deja (?:un comentario|una respuesta|tu comentario)|escribe (?:un|tu) comentario|"
    r"(?:deixe|deixa) (?:um comentário|uma resposta|seu comentário|o seu comentário)|cancelar respuesta|"
    r"cancelar resposta|laisser un commentaire|laisser une réponse|laissez un commentaire|"
    r"écrire un commentaire|annuler la réponse|lascia un commento|lascia una risposta|scrivi un commento|"
    r"annulla risposta|laat een reactie achter|geef een reactie|plaats een reactie|reactie plaatsen|"
    r"lämna ett svar|lämna en kommentar|skriv en kommentar|efterlad en kommentar|legg igjen en kommentar|"
    r"jätä kommentti|kirjoita kommentti|dodaj komentarz|zostaw komentarz|napisz komentarz|"
    r"napsat komentář|přidat komentář|zanechte komentář|lasă un comentariu|adaugă un comentariu|"
    r"szólj hozzá|оставить комментарий|оставьте комментарий|добавить комментарий|написать комментарий|"
    r"залишити коментар|bir yanıt yazın|yorum yap|yorum yaz|tinggalkan balasan|tinggalkan komentar|"
    r"tulis komentar|コメントを残す|コメントする|发表评论|發表評論|发表回复|댓글 남기기|댓글 쓰기|我要评论|"
    r"ความคิดเห็น|แสดงความคิดเห็น|ตอบกลับ|bình luận|टिप्पणी|टिप्पणियां|التعليقات|تعليقات|"
    # "Add a comment" in the languages, and the heading of blog software's list of the latest
    # comments ("Recent Comments", "Neueste Kommentare", "Commentaires récents", "最近のコメント")
    r"kommentar hinzufügen|ajouter un commentaire|añadir (?:un )?comentario|añade (?:un )?comentario|agregar (?:un )?comentario|"
    r"aggiungi un commento|adicionar (?:um )?comentário|reactie toevoegen|lägg till (?:en )?kommentar|"
    r"legg til (?:en )?kommentar|tilføj (?:en )?kommentar|lisää kommentti|yorum ekle|コメントを追加|添加评论|"
    r"댓글 추가|recent comments|latest comments|neueste kommentare|letzte kommentare|commentaires récents|"
    r"derniers commentaires|comentarios recientes|últimos comentarios|commenti recenti|ultimi commenti|"
    r"comentários recentes|últimos comentários|recente reacties|laatste reacties|senaste kommentarer|"
    r"siste kommentarer|seneste kommentarer|viimeisimmät kommentit|uusimmat kommentit|najnowsze komentarze|"
    r"ostatnie komentarze|nejnovější komentáře|poslední komentáře|свежие комментарии|последние комментарии|"
    r"son yorumlar|最近のコメント|近期评论|最新评论|최근 댓글|"
    # the heading of an article's comments ("Comments on this story", "Kommentarer til denne saken")
    r"comments on this (?:story|article|post)|kommentare zu diesem (?:artikel|beitrag)|"
    r"kommentarer til denne (?:saken|artikkelen)|kommentarer till (?:artikeln|denna artikel)|"
    r"kommentarer til artiklen|commentaires sur cet article|comentarios (?:sobre|a|de) esta noticia|"
    r"commenti a questo articolo|reacties op dit artikel|komentarze do artykułu)(?:\s*\(\d+\))?"
)
# Related-story and read-more markers.
RELATED_PHRASES = (
    r"(?:related(?: stor(?:y|ies)| articles?| posts?| coverage| content| news| links?"
    r"| topics| videos?| recipes| products| galleries| searches)?|過去のエントリー?|read more|read next|read also|also read|see also|more from .{1,40}|"
    r"more on this(?: story)?|more stories|more news|recommended(?: for you| stories| reading)?|"
    r"you may also like|you might also like|most popular|most read|trending(?: now)?|"
    r"top stories|latest news|editor'?s picks|editor'?s choice|what to read next|up next|"
    # a box of teasers by its heading: "More trending", "Most read in Sport", "You may like",
    # "More videos", "Mehr zum Thema Hitze", "Die Redaktion empfiehlt"
    r"more trending|trending (?:news|stories)|(?:most read|most popular|latest|top stories) in .{1,30}|"
    r"you may like|you might like|more great .{1,30} stories|read more stories|(?:read )?more on these topics|"
    r"next up(?: in .{1,30})?|most read .{1,30} stories|most popular .{1,30} stories|check out more articles on .{1,40}|"
    r"check out more stories on .{1,40}|"
    r"más sobre .{1,40}|mais sobre .{1,40}|zum weiterlesen|"
    r"meistgelesen|meistgelesene artikel|les plus lus|lo más leído|más leídas|mais lidas|i più letti|più letti|"
    r"meest gelezen|mest lästa|mest lest|mest læste|luetuimmat|najczęściej czytane|nejčtenější|самое читаемое|"
    r"en çok okunanlar|"
    # a read-also prompt alone on its line, over the teasers it heads ("Informate más", "Siehe auch")
    r"don't miss|must read|also see|lea más|lee más|lea además|lee además|tambien lea|también vea|mira también|"
    r"también puedes leer|infórmate más|informate más|leia ainda|siehe auch|guarda anche|se även|se også|"
    r"katso myös|zobacz także|przeczytaj też|vezi și|ilgili haber|simak juga|a lire aussi|lihat juga|čtěte též|"
    r"смотрите также|"
    # "keep reading", "must-see", "the editors recommend", "more on this topic", "reading tips"
    r"seguí leyendo|sigue leyendo|seguir leyendo|imperdibles|l'auteur vous recommande|"
    r"la rédaction vous (?:conseille|recommande)|więcej na ten temat|lue aiheesta lisää|lue lisää aiheesta|"
    r"read more from .{1,40}|more on this topic|mehr zu diesem thema|más sobre este tema|plus sur ce sujet|"
    r"am meisten gelesen|weiterlesen (?:auf|bei) .{1,30}|dies passt zum thema|das passt zum thema|"
    r"tipps der redaktion|lesetipps?|mein lesetipp|unsere lesetipps|themen in diesem artikel|"
    r"à découvrir (?:également|aussi)|découvrez aussi|à voir également|explore related content|"
    r"相关报道|相關報導|相關新聞|相关链接|関連ニュース|"
    # most viewed, most watched, trending on (the site): "Lo más visto de La República", "TRENDING ON X"
    r"most viewed|most watched|trending on .{1,30}|lo más visto(?: de .{1,40})?|lo más visto|más vistos|más vistas|"
    r"mais vistos|mais vistas|les plus vus|i più visti|più visti|meistgesehen|meistgesehene videos|"
    r"die redaktion empfiehlt|weitere informationen|mehr news|mehr von .{1,30}|mehr zu .{1,40}|"
    r"lesen sie (?:auch|mehr)|mehr zum thema(?: .{1,40})?|das könnte sie auch interessieren|"
    r"читайте также|читайте еще|по теме|похожие статьи|baca juga|berita terkait|"
    r"artikel terkait|leia também|lee también|à lire aussi|voir aussi|"
    # Spanish, Portuguese, Italian, French, German, Dutch: "also read", "you may be interested",
    # "we recommend", a box's heading over its teasers
    r"lea también|también lea|también lee|tambien lee|vea también|ver también|te puede interesar|le puede interesar|"
    r"también te puede interesar|también le puede interesar|puede interesarte|te recomendamos|le recomendamos|recomendamos|saiba mais|você também pode gostar|"
    r"potrebbe interessarti|vedi anche|à lire également|à voir aussi|vous aimerez aussi|"
    r"auch interessant|passend dazu|bekijk ook|zie ook|ook interessant|further reading|weiterführende links|"
    # "related" and "read also" in other languages
    r"související|související články|čtěte také|powiązane|zobacz też|czytaj też|czytaj także|"
    r"lees ook|gerelateerd|leggi anche|correlati|articoli correlati|läs också|relaterat|"
    r"les også|relatert|læs også|relateret|lue myös|kapcsolódó|citește și|ilgili haberler|"
    r"relacionado|relacionados|noticias? relacionadas?|veja também|sur le même sujet|"
    r"weitere artikel|читайте також|関連記事|相关新闻|相关阅读|관련기사|"
    r"artículos? relacionados?|artigos? relacionados?|notícias? relacionadas?|articles liés|articles connexes|"
    r"verwandte artikel|ähnliche artikel|gerelateerde artikelen|relaterade artiklar|relaterte artikler|"
    r"relaterede artikler|powiązane artykuły|связанные статьи|benzer haberler|相关文章|관련 기사|"
    # a box's heading composed of "more", "other", "similar", "latest" and "stories", "posts",
    # "topics", with a few words after ("Weitere Beiträge aus der Kolumne", "Ähnliche Beiträge",
    # "Top Themen der Redaktion", "Otras noticias", "Más noticias de Colombia", "Recent stories")
    r"(?:weitere|mehr|ähnliche|verwandte|beliebte|neueste|aktuelle|top|andere) (?:\w+ )?(?:beiträge|artikel|"
    r"themen|nachrichten|news|meldungen|kolumnen|pressemitteilungen|geschichten)(?: .{1,40})?|"
    r"(?:otras|más|últimas|ultimas) (?:noticias|notas|entradas|publicaciones)(?: .{1,40})?|"
    r"(?:more|other|similar|popular|latest|recent) (?:stories|articles|posts)|"
    r"(?:autres|derniers|dernières) (?:articles|actualités|infos)(?: .{1,40})?|"
    r"(?:altre|ultime) (?:notizie|articoli)(?: .{1,40})?|(?:outras|mais|últimas) (?:notícias|matérias)(?: .{1,40})?|"
    r"(?:meer|andere|laatste) (?:nieuws|artikelen|berichten)(?: .{1,40})?|"
    r"das könnte dich auch interessieren|lies auch|lest auch|explore further|"
    # "read more" in other languages
    r"weiterlesen|mehr lesen|lire la suite|leer más|leggi di più|leia mais|lees meer|läs mer|les mer|"
    r"læs mere|lue lisää|czytaj więcej|číst dál|devamını oku|читать далее|続きを読む|阅读全文|"
    # recommended, further reading, most read in Chinese, Japanese, Korean
    r"推荐阅读|热点推荐|猜你喜欢|延伸阅读|热门文章|ランキング|アクセスランキング|おすすめ記事|"
    r"많이 본 뉴스|인기기사|추천기사|관련뉴스|"
    # Thai: related news, related stories or articles, read more, read on, recommended, latest, most popular
    r"ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|เรื่องที่เกี่ยวข้อง|บทความที่เกี่ยวข้อง|อ่านเพิ่มเติม|อ่านต่อ|ข่าวแนะนำ|"
    r"เรื่องแนะนำ|ข่าวล่าสุด|ข่าวยอดนิยม|ยอดนิยม|"
    # Vietnamese, Hindi, Arabic: related news, read more, read also, most read
    r"tin liên quan|đọc thêm|tin mới nhất|đọc nhiều nhất|संबंधित खबरें|और पढ़ें|ये भी पढ़ें|"
    r"اقرأ أيضا|اقرأ أيضاً|أخبار ذات صلة|الأكثر قراءة)"
)
# The head of an author box after the article.
AUTHOR_PHRASES = (
    r"(?:about the authors?|über die autor(?::in|in|innen)?|über den autor|"
    r"à propos de l'auteur|sobre el autor|sobre o autor|sull'autore|over de auteur|om skribenten|"
    r"om forfatteren|o autorze|o autorovi|об авторе|作者について|作者简介|기자 소개)"
    # the other gender's form after a slash ("Über den Autor/ die Autorin"), and the author's name
    # after a separator, in at most four words ("About the Author - Jane Roe")
    r"(?:\s*+/\s*+(?:den |die )?autor(?::in|in|innen)?)?"
    r"(?:\s*+[-–—:|]\s*+[^\W\d_][\w.'’-]*+(?:\s++[^\W\d_][\w.'’-]*+){0,3})?"
)
# An author's note under the article: the words that name a journalist's trade or beat ("Beaumont
# covers national politics for ...", "... ist Redakteurin im Ressort ...", "... est journaliste au
# ..."), whole words in lower case (a stem would take "autoridades" for "autor"): with the author's
# name on the line above, the note is no article.
JOURNALIST_WORDS = (
    "reporter", "correspondent", "editor", "writer", "journalist", "columnist", "contributor", "producer", "covers",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "autor", "autorin", "journalistin",
    "kolumnist", "kolumnistin", "reporterin", "rédacteur", "rédactrice", "journaliste", "chroniqueur",
    "chroniqueuse", "correspondant", "correspondante", "periodista", "redactor", "redactora", "corresponsal",
    "columnista", "reportero", "reportera", "giornalista", "redattore", "redattrice", "corrispondente",
    "jornalista", "repórter", "redator", "redatora", "correspondente", "colunista", "verslaggever", "redacteur",
    "dziennikarz", "dziennikarka", "redaktor", "redaktorka", "korespondent", "novinář", "novinářka", "toimittaja",
    "skribent", "redaktör", "redaktør", "журналист", "журналистка", "корреспондент", "редактор", "обозреватель",
    "muhabir", "muhabiri", "gazeteci", "editör")
# ... and in scripts without spaces, where a word has no boundary to look for.
JOURNALIST_WORDS_UNSPACED = ("記者", "记者", "기자")
# Navigation, buttons, media labels.
UI_PHRASES = (
    r"(?:home|menu|search|close|open|next|previous|prev|back|back to top|"
    r"return to top|top|more|previous (?:post|article|story)|next (?:post|article|story)|older posts?|"
    r"newer posts?|permalink|less|show more|load more|see more|view more|read less|"
    r"skip to (?:main )?content|toggle navigation|navigation|main menu|contact us|"
    r"about us|privacy policy|terms of use|terms of service|cookie policy|sitemap|"
    r"advertise(?: with us)?|careers|faq|rss|image \d+ of \d+|\d+ of \d+|"
    r"enlarge(?: this image)?|expand|caption|hide caption|toggle caption|play|"
    r"watch|listen|audio only|live|video|photos?|gallery|back to gallery|"
    # a video player's link to more of them: "More videos", "Weitere Videos" (a label, no teaser box)
    r"more videos|latest videos|top videos|weitere videos|mehr videos|plus de vidéos|nos vidéos|más vídeos|"
    r"mais vídeos|altri video|meer video's|fler videor|flere videoer|další videa|"
    r"startseite|suche|главная|поиск|меню|beranda|cari|inicio|accueil|"
    # a search box's label for screen readers ("Search for:", "Suche nach:": a blog engine's form)
    r"search for|suche nach|zoeken naar|søk etter|sök efter|pesquisar por|buscar por|cerca per|"
    # a video player's dialog (video.js), copy and read-now buttons, an image's viewer link
    r"this is a modal window|beginning of dialog window|end of dialog window|copy code|read now|"
    r"view this image|view the image|view image|pdf|"
    # back to the list, learn more, see all, listen to the article, open a gallery, fold a box: a button
    r"zurück|zurück zur übersicht|zur übersicht|retour|volver|voltar|terug|返回|"
    r"see all|show all|view all|alle anzeigen|zobrazit vše|voir tout|ver todos?|vedi tutti|bekijk alles|"
    r"artikel anhören|listen to this article|listen to the article|listen to article|écouter l'article|"
    r"écouter cet article|escuchar el artículo|escuchar este artículo|escuchar artículo|ascolta l'articolo|"
    r"fotostrecke(?: ansehen)?|bilderstrecke(?: ansehen)?|zur fotostrecke|zur bilderstrecke|view gallery|"
    r"zur galerie|zur bildergalerie|zur fotogalerie|zum video|zum podcast|watch video(?: \d{1,2}:\d{2})?|"
    r"aufklappen|zuklappen|einklappen|ausklappen|"
    r"learn more|mehr erfahren|en savoir plus|saber más|scopri di più|meer informatie|"
    # a wire story's reprint and licensing button; a feedback button or its one-line prompt
    r"purchase licensing rights|licensing rights|reprints|reprints (?:&|and) permissions|reprint rights|"
    r"buy reprints|order reprints|feedback|send feedback|send us feedback|send us your feedback|give feedback|"
    r"give us feedback|feedback geben|feedback senden|ihr feedback|schicken sie uns ihr feedback|"
    r"schicken sie uns feedback|geben sie uns feedback|"
    # search, close, home, show more / less, sponsored, gallery, listen in other languages
    r"suchen|rechercher|recherche|buscar|cerca|pesquisar|zoeken|sök|søk|søg|haku|szukaj|hledat|"
    r"検索|搜索|검색|schließen|fermer|cerrar|chiudi|fechar|sluiten|stäng|lukk|luk|sulje|zamknij|"
    r"zavřít|kapat|закрыть|閉じる|关闭|닫기|hjem|etusivu|strona główna|ana sayfa|首页|"
    r"mehr anzeigen|weniger anzeigen|voir plus|voir moins|ver más|ver menos|mostra di più|ver mais|"
    r"meer weergeven|visa mer|vis mer|vis mindre|vis flere|näytä lisää|pokaż więcej|zobrazit více|"
    r"daha fazla göster|показать ещё|показать еще|もっと見る|查看更多|더보기|gesponsert|sponsorisé|"
    r"patrocinado|sponsorizzato|gesponsord|sponsrad|sponset|annonsørinnhold|sponsorowane|"
    r"sponzorováno|sponsorlu|galerie|bildergalerie|fotogalerie|galería|galleria|anhören|écouter|"
    r"escuchar|ascolta|ouvir|luisteren|lyssna|lytt|kuuntele|posłuchaj|dinle|слушать|"
    # back to top, back to the home page, previous and next article in Chinese, Japanese, Korean
    r"返回顶部|返回首页|上一篇|下一篇|トップへ戻る|ページトップへ|前の記事|次の記事|맨 위로|이전 기사|다음 기사|"
    # Thai: home, main page, search, close, menu, see all, see more, back to top
    r"หน้าแรก|หน้าหลัก|ค้นหา|ปิด|เมนู|ดูทั้งหมด|ดูเพิ่มเติม|กลับสู่ด้านบน|"
    # Vietnamese, Hindi, Arabic: home, see more
    r"trang chủ|xem thêm|होम|الرئيسية|"
    # a button that bids the reader act now, a line of its own ("Jetzt abonnieren", "Jetzt kostenlos
    # registrieren", "Jetzt spenden", "Now subscribe"): a button, not the end of the article that a
    # subscription box is (an inline newsletter box has the article's last paragraph under it)
    r"(?:jetzt|now|ahora|maintenant|agora|ora|adesso|nu|teraz|nyt|nå)\s++(?:kostenlos\s++|gratis\s++|free\s++)?"
    r"(?:abonnieren|anmelden|registrieren|spenden|testen|bestellen|herunterladen|subscribe|sign up|register|"
    r"donate|download|join|suscr[ií]bete|reg[ií]strate|dona|abonnez-vous|inscrivez-vous|faites un don|"
    r"abbonati|iscriviti|assine|inscreva-se|abonneer|doneer|zarejestruj się|subskrybuj|wesprzyj|tilaa))"
)
# First words of lines _SHORT matches that its alternatives do not spell out
# (accented variants, "login" for "log ?in", "google+").
SHORT_FIRST_EXTRA = ("login", "suscribete", "suscríbete", "comentario", "comentarios", "comentário",
                     "comentários", "google+", "editor's", "editors", "schreibe", "schreiben", "¿ya")

# --- fragments of other line patterns ---------------------------------------------
# What a count is of: "1.2K views" (rules._COUNTER).
COUNTER_NOUNS = (
    r"views?|likes?|reads?|shares?|comments?|votes?|просмотр\w*|"
    r"kali dibaca|aufrufe"
)
# A photo gallery's count on a line of its own ("44 Bilder", "12 photos", "8 Fotos"), in any case.
GALLERY_COUNT_NOUNS = r"bilder|fotos?|photos?|images|pictures|imágenes|immagini|afbeeldingen|zdjęć"
# A blog's comments heading: a count, a name for the comments and the post's title after a
# preposition ("11 responses to “Title”", "5 Gedanken zu „Title“", "One thought on “Title”",
# "3 Kommentare zu "Title"", "2 réponses à « Title »", "4 comentarios en «Title»"; rules._COMMENT_COUNT).
COMMENT_COUNT_ONE = ("one", "ein", "eine", "einen", "un", "une", "uno", "una", "um", "uma", "één", "en", "ett",
                     "jeden", "jedna")
COMMENT_COUNT_NOUNS = ("thought", "thoughts", "response", "responses", "reply", "replies", "comment", "comments",
                       "antwort", "antworten", "kommentar", "kommentare", "gedanke", "gedanken", "réponse",
                       "réponses", "commentaire", "commentaires", "comentario", "comentarios", "comentário",
                       "comentários", "respuesta", "respuestas", "resposta", "respostas", "commento", "commenti",
                       "risposta", "risposte", "reactie", "reacties", "kommentarer", "komentarz", "komentarze",
                       "komentarzy", "odpowiedź", "odpowiedzi", "komentář", "komentáře", "komentářů")
COMMENT_COUNT_PREPS = ("on", "to", "zu", "auf", "für", "à", "sur", "en", "a", "em", "su", "op", "bij", "på", "til",
                       "till", "do", "na", "k", "ke")
# Relative days a timestamp line can be (rules._TIMESTAMP).
RELATIVE_DAYS = (r"yesterday|today|gestern|heute|вчера|сегодня|kemarin|hari ini|vandaag|gisteren|aujourd'hui|hier|"
                 r"hoy|ayer|hoje|ontem|oggi|ieri|idag|igår|i dag|i går|tänään|eilen|dzisiaj|wczoraj|dnes|včera|"
                 r"bugün|dün|сьогодні|вчора")
# The word before a time of day after one of them: "Vandaag om 20:07", "Heute um 9:15".
TIME_AT = r"om|à|a las|alle|um|at|kl\.?"
# Relative times in other languages than English: before the number ("vor 1 Std.", "il y a 3 h",
# "hace 2 horas") or after its unit ("3 uur geleden", "2 timmar sedan", "5 минут назад").
AGO_BEFORE = r"vor|il y a|hace|há|před|pred"
AGO_AFTER = r"ago|geleden|sedan|siden|sitten|temu|назад|тому|önce"
# Words that open a byline (rules._BYLINE).
BYLINE_WORDS = r"by|von|oleh|por|par|автор|written by|reporting by|editing by|text:"
# Verbs that end a comment's head line: "John wrote:" (rules._COMMENT_HEAD).
COMMENT_VERBS = (
    r"said|says|wrote|writes|replied|schrieb|schreibt|написал[аи]?|пишет|berkata|"
    r"menulis|disse|escribió|a écrit"
)

# Words that open a caption's credit: "Photo: ..." (rules._CAPTION).
CAPTION_NAMES = ("photo", "photograph", "image", "picture", "pic", "credit", "source", "foto",
                 "фото", "bild", "bildquelle", "bildnachweis", "bildrechte", "gambar", "illustration", "video", "graphic")
# Labels that a page sets before a caption or a credit for screen readers ("Image caption The
# minister ...", "Media caption ...", "Image source, Reuters"): BBC pages in every language
# have them in English. A line that starts with one is the caption, however it goes on.
CAPTION_LABELS = ("image caption", "media caption", "video caption", "photo caption", "image copyright",
                  "image source", "media source")
# Photo agencies a caption ends with (rules._CAPTION_TAIL).
AGENCIES = ("getty images", "ap photo", "reuters", "afp", "epa", "shutterstock", "istock",
            "afp via getty images", "associated press")
# Credit words after a caption's last colon: "... in London. Foto: NTB".
END_CREDIT_WORDS = ("photo", "photos", "foto", "fotos", "fotó", "фото", "bild", "bildrechte", "kuva", "zdjęcie", "image",
                    "imagen", "credit", "crédit", "crédito", "写真", "사진")
# Scripts without capitals end a caption with a credit too: Japanese with the photographer in
# brackets ("...霞ケ関で（潟沼義樹撮影）", "（共同通信社提供）"), Korean with the agency or the
# photographer after the caption's sentence ("...인사하고 있다. 뉴스1", "... 있다. 홍길동 기자",
# "서울=연합뉴스"). The endings of the Japanese credit, and the words a Korean credit ends with.
# Where a photo's caption places the people or things it shows, in brackets: "(l.)", "(v.l.)",
# "(von li nach re)", "(left)", "(à gauche)", "(izq.)", or what it says of the photo itself,
# "(Archivbild)", "(file photo)" (credits.placed_captions). Lower case, without the brackets;
# an abbreviation keeps its full stop ("(l.)": a bare "(R)" is a US senator's party).
POSITION_MARKERS = (
    "l.", "r.", "m.", "li.", "re.", "v.l.", "v. l.", "v.r.", "v. r.", "izq.", "dcha.", "izda.",
    "links", "rechts", "left", "right", "center", "centre", "from left", "left to right",
    "von links", "von li nach re", "li nach re", "von links nach rechts",
    "à gauche", "à droite", "au centre", "de gauche à droite", "a la izquierda", "a la derecha", "izquierda",
    "derecha", "de izquierda a derecha", "a sinistra", "a destra", "al centro", "da sinistra",
    "archivbild", "symbolbild", "archivfoto", "symbolfoto", "archive photo", "file photo", "foto de archivo",
    "photo d'archives", "foto d'archivio")
BRACKET_CREDIT_ENDS = ("撮影）", "撮影)", "提供）", "提供)")
HANGUL_CREDIT_WORDS = ("기자", "특파원", "제공", "뉴스1", "뉴시스", "연합뉴스", "사진")
# Reserved-rights phrases of copyright lines.
RIGHTS_RESERVED = ("all rights reserved", "alle rechte vorbehalten", "все права защищены", "hak cipta", "สงวนลิขสิทธิ์",
                   "bản quyền thuộc về", "सर्वाधिकार सुरक्षित", "جميع الحقوق محفوظة",
                   "todos os direitos", "tous droits",
                   # Korean and Japanese notices forbid redistribution and copying ("<저작권자 ⓒ 뉴스1,
                   # 무단전재 및 재배포 금지>", "記事・写真の無断転載を禁じます", "無断転載禁止"); a report on piracy
                   # says "無断転載した", not that it is forbidden
                   "재배포 금지", "재배포금지", "転載を禁", "複製を禁", "無断転載禁止")
# The link to the previous or next article, with its headline after the marker ("nächster Artikel: ...").
ADJACENT_ARTICLE_MARKERS = (
    "previous (?:article|post|story)", "next (?:article|post|story)", "vorheriger (?:artikel|beitrag)",
    "nächster (?:artikel|beitrag)", "article (?:précédent|suivant)", "artículo (?:anterior|siguiente)",
    "siguiente artículo", "articolo (?:precedente|successivo)", "artigo anterior", "próximo artigo",
    "vorig artikel", "volgend artikel", "föregående artikel", "nästa artikel", "forrige artik(?:ke)?l",
    "neste artikkel", "næste artikel", "poprzedni artykuł", "następny artykuł", "předchozí článek",
    "další článek", "предыдущая статья", "следующая статья", "önceki haber", "sonraki haber")
# Markers that introduce a teaser on the same line ("Related: ...").
INLINE_MARKERS = ("related", "related post", "related article", "related story", "related reading",
                  "read more", "read also", "also read", "see also", "more", "watch",
                  "recommended", "baca juga", "lihat juga", "читайте также", "читайте еще",
                  "смотрите также", "lesen sie auch", "mehr zum thema", "leia também",
                  "lee también", "à lire aussi", *ADJACENT_ARTICLE_MARKERS)
# Markers that introduce a teaser on the same line with no separator ("À lire aussi La natalité
# ...", "Les også En far for ..."): a reader's prompt in other languages than English, where
# "Related ..." or "See also ..." also open an article's own lines.
INLINE_MARKERS_BARE = ("à lire aussi", "a lire aussi", "les også", "lesen sie auch", "leia também",
                       "lee también", "lea también", "baca juga", "lihat juga", "czytaj także", "czytaj też",
                       "čtěte také", "čtěte též", "lees ook", "läs också", "læs også", "lue myös", "leggi anche",
                       "citește și", "читайте также", "читайте також", "смотрите также")
# Markers that introduce a teaser on the same line after a separator, where the teaser must read
# as a headline ("Lea más: Tribunal condena a ex contralor", "VEA TAMBIÉN: ...", "Le puede
# interesar: ...", "Leia mais: ...", "Lies auch: ...", "Lire aussi : ..."): some are also a name
# or a word of an interview's transcript ("Mira: ...", "Leia: ..."), whose answer ends a sentence
# (rules.headline_teaser). (Not Le Monde's "Lire aussi : ...": readability-dev's gold keeps it.)
INLINE_MARKERS_HEADLINE = (
    "read", "also read", "don't miss", "must read", "further reading", "also see", "read next",
    "lea", "lee", "lea más", "lee más", "lea además", "lee además", "vea", "vea también", "ver también",
    "también lea", "tambien lea", "también lee", "también vea",
    "mira", "mire", "mira también", "le puede interesar", "te puede interesar", "también te puede interesar",
    "puede interesarte", "le recomendamos", "te recomendamos", "recomendamos", "puedes leer",
    "también puedes leer", "noticia relacionada", "más información", "infórmate más", "informate más",
    "leia", "leia mais", "leia ainda", "veja", "veja também", "saiba mais", "confira", "assista",
    "lies", "lies auch", "lest auch", "zum artikel", "zum beitrag", "lies mehr", "auch interessant", "passend dazu",
    "mehr dazu", "siehe auch", "lesen sie",
    "à lire", "à lire aussi", "à lire également", "voir aussi",
    "à voir", "à voir aussi", "leggi", "leggi anche", "vedi anche", "guarda", "guarda anche",
    "potrebbe interessarti", "approfondisci", "lees", "lees ook", "lees meer", "bekijk ook", "zie ook",
    "ook interessant", "läs", "läs också", "läs mer", "se även", "les", "les mer", "se også", "læs",
    "læs mere", "lue", "lue myös", "lue lisää", "katso myös", "czytaj", "czytaj też", "czytaj także",
    "czytaj więcej", "zobacz", "zobacz też", "zobacz także", "przeczytaj", "przeczytaj też", "čtěte",
    "čtěte také", "přečtěte si", "citește", "citește și", "vezi și", "ayrıca okuyun", "ilgili haber",
    "читайте", "смотрите", "по теме", "baca", "simak", "simak juga")
# The link a teaser's blurb ends with, after its last sentence ("... den Namen seines Entdeckers.
# mehr", "... sights, sounds,… Read more"): the blurb is a teaser (rules._READ_MORE).
READ_MORE_ENDS = ("more", "read more", "mehr", "weiterlesen", "lire la suite", "lire plus", "leer más", "leia mais",
                  "leggi tutto", "lees meer", "läs mer", "les mer", "læs mere", "lue lisää", "czytaj więcej",
                  "číst dál", "читать далее", "подробнее", "devamını oku", "続きを読む", "阅读全文")
# What follows a day's number in a written date ("1st", "1er", "1re", "1º", "1ª"): with the
# words of CLDR's date patterns (dates.py, calendar_words.json) the words between a date's parts.
DAY_ORDINALS = ("st", "nd", "rd", "th", "er", "re", "e", "ème", "º", "ª", "o", "a")
# Eras that CLDR's Gregorian data lacks, written before a year: the Thai Buddhist era
# ("4 ธันวาคม พ.ศ. 2569"), as dates.py reads a word (case-folded, without its final ".").
YEAR_ERAS = ("พ.ศ",)
# A line that opens by saying when the article came out or was last changed, the date after it
# ("Veröffentlicht am 16.08.2019", "Erscheinungsdatum: 07.02.2022", "Publié le 18 juil. 2024 à
# 08:01 Mis à jour ...", "Date 23.05.2011"), and the small words that may stand between ("am",
# "le", "on", ":"): the verbs and nouns of publishing and updating, in the languages of the news
# the dev sets and the outside checks hold and their neighbours. Lower case.
STATED_DATE_LEADS = ("published", "posted", "updated", "last updated", "first published", "date", "dated",
                     "veröffentlicht", "aktualisiert", "erschienen", "erscheinungsdatum", "erstellt", "stand",
                     "datum", "publié", "mis à jour", "publicado", "actualizado", "fecha", "pubblicato",
                     "aggiornato", "data", "gepubliceerd", "bijgewerkt", "opublikowano", "zaktualizowano",
                     "publicerad", "uppdaterad", "publisert", "oppdatert", "udgivet", "opdateret", "julkaistu",
                     "päivitetty", "publicat", "publikováno", "aktualizováno", "опубликовано", "обновлено",
                     "yayınlanma", "güncelleme", "zuletzt bearbeitet", "zuletzt geändert", "last edited",
                     "last modified")
STATED_DATE_LINKS = ("am", "le", "el", "il", "op", "on", "den", "em", "в", "de")
# Month abbreviations a timestamp line can start with.
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Thai months, abbreviated ("4 ธ.ค. 2569") and in full: a Thai dateline has no Latin word.
THAI_MONTHS = (r"ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.|"
               r"มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
               r"พฤศจิกายน|ธันวาคม")
# The words every caption or copyright line contains (lower case): one scan for them.
GATE_WORDS = ("photo", "image", "pic", "credit", "source", "caption", "foto", "фото", "bild", "gambar",
              "illustration", "video", "graphic", "getty", "reuters", "afp", "epa",
              "shutterstock", "istock", "associated press", "©", "(c)", "right", "прав",
              "hak cipta", "droits", "kuva", "zdjęcie", "crédit", "fotó", "写真", "사진",
              "재배포", "転載を禁", "複製を禁", "無断転載禁止", "ลิขสิทธิ์", "bản quyền", "सर्वाधिकार", "الحقوق")
# Last words of a comment's head line ("John wrote").
COMMENT_ENDS = ("said", "says", "wrote", "writes", "replied", "schrieb", "schreibt", "написал",
                "написала", "написали", "пишет", "berkata", "menulis", "disse", "escribió",
                "a écrit")
# Words that many languages borrow for a mailing-list offer: a short line that names one
# ("Recevoir la newsletter", "Newsletter abonnieren", "Get our newsletter") is a prompt.
SUBSCRIBE_WORDS = ("newsletter",)
# Every caption match contains one of these words (rules._caption's gate).
CAPTION_WORDS = ("photo", "image", "pic", "credit", "source", "caption", "foto", "фото", "bild", "gambar",
                 "illustration", "video", "graphic")
# Every copyright match starts with one of these literals (rules._copyright's gate).
COPYRIGHT_STARTS = ("©", "(c)", "copyright", *RIGHTS_RESERVED)
# Endings that make a month's abbreviation its full name ("jan" + "uary").
MONTH_ENDINGS = ("", ".", "uary", "ruary", "ch", "il", "e", "y", "ust", "tember", "t.", "ober", "ember")
# A site's privacy policy by its name, and the words by which a site speaks to its reader
# about it ("Read our privacy policy", "you accept our Terms and Privacy Policy", "Mehr dazu
# in unserer Datenschutzerklärung"): a line of the body that has both is a sign-up or
# consent notice (ingest.clean.sitelines.label_reader_notices). Lower case.
PRIVACY_NAMES = ("privacy policy", "privacy notice", "privacy statement", "cookie policy",
                 "datenschutzerklärung", "datenschutzhinweis", "datenschutzinformation",
                 "datenschutzbestimmungen", "politique de confidentialité", "politique de protection des données",
                 "política de privacidad", "política de privacidade", "informativa sulla privacy",
                 "informativa privacy", "privacybeleid", "privacyverklaring", "integritetspolicy",
                 "personvernerklæring", "privatlivspolitik", "polityka prywatności",
                 "zásady ochrany osobních údajů", "politica de confidențialitate",
                 "политика конфиденциальности", "политика обработки персональных данных", "kebijakan privasi",
                 "プライバシーポリシー", "个人信息保护政策", "隐私政策", "隱私權政策", "개인정보처리방침", "개인정보 처리방침")
# A part of each of those names, few of them since each is a scan of the body: a body none
# of whose short lines holds one names no privacy policy.
PRIVACY_STEMS = ("priva", "datenschutz", "confiden", "cookie polic", "protection des donn", "integritet",
                 "personvern", "prywatno", "osobních", "конфиденц", "персональн", "개인정보")
# The same for Chinese and Japanese (looked for only on a page that holds such characters).
PRIVACY_STEMS_UNSPACED = ("プライバシー", "隐私", "隱私", "个人信息")
# A form's consent notice by how it opens, with the act that consents ("By signing up you consent
# to receive the above newsletter", "By submitting you agree to our Terms of Service", "Mit meiner
# Anmeldung zum Newsletter stimme ich der Werbevereinbarung zu", "En vous inscrivant, vous
# acceptez ..."), and the stems of its consent (AGREE_STEMS), one of which the line must hold: a
# sign-up, comment or cookie form's notice whether or not it names a privacy policy
# (ingest.clean.sitelines.label_reader_notices). Lower case.
FORM_CONSENT_OPENERS = (
    "by signing up", "by subscribing", "by registering", "by clicking", "by submitting", "by entering",
    "by providing", "by creating", "mit der anmeldung", "mit meiner anmeldung", "mit ihrer anmeldung",
    "mit deiner anmeldung", "mit der registrierung", "mit meiner registrierung", "mit dem absenden",
    "en vous inscrivant", "en vous abonnant", "en cliquant", "en soumettant", "al suscribirte", "al suscribirse",
    "al registrarte", "al registrarse", "al hacer clic", "al hacer click", "al enviar", "iscrivendoti",
    "registrandoti", "cliccando", "ao se inscrever", "ao clicar", "ao assinar", "ao se cadastrar", "ao enviar",
    "door je aan te melden", "door u aan te melden", "door je in te schrijven", "door u in te schrijven")
AGREE_STEMS = ("agree", "consent", "accept", "acknowledge", "stimme", "stimmst", "zustimm", "akzeptier",
               "willige", "einverstanden", "consen", "acept", "accett", "acconsent", "concord", "aceit", "akkoord")
# Whole words by which a site speaks to its reader: "our", "you" (not "its", "their": a
# report on a company's policy uses those, nor words such as German "Sie"/"ihre", which
# mean both).
CONSENT_WORDS = ("our", "you", "your", "unsere", "unserer", "unseren", "du", "dein", "deine", "notre", "nos",
                 "vous", "votre", "nuestra", "nuestro", "nossa", "nosso", "nostra", "nostro", "onze", "uw",
                 "vår", "våra", "vårt", "våre", "vores", "naszą", "naszej", "naší", "naše", "нашей", "kami",
                 "anda")
# The channels by which a site reaches its reader besides its pages: a newsletter, the reader's
# inbox, its app, a messenger channel, a news aggregator's feed ("Get the latest news in your
# inbox", "Abonniere den Whatsapp-Kanal", "Add X to your Google News feed", "¡Mira nuestro canal
# de YouTube!"). Lower case; a name in a line of the body's last lines that also speaks to the
# reader (READER_WORDS) is the site's prompt (ingest.clean.sitelines.label_trailing_prompts). Not a
# podcast: an agency's story closes with its own ("... on our weekly politics podcast").
CHANNEL_NAMES = ("newsletter", "newsletters", "inbox", "in-box",
                 "posteingang", "postfach", "boîte de réception", "bandeja de entrada",
                 "caixa de entrada", "app", "apps", "google news", "whatsapp", "telegram", "youtube",
                 "e-paper", "push")
# A paywall's notice speaks of the reader as a paying subscriber, or of the article as theirs
# alone ("This article is for subscribers only", "Already a subscriber? Log in for immediate
# access", "Als abonnee lees je ook alle plusartikels", "Con tu suscripción accedés a contenidos
# exclusivos"): a line among the body's last lines that names a subscriber or a subscription
# (SUBSCRIBER_WORDS, whole words) and also speaks to the reader (READER_WORDS, PAYWALL_READER_WORDS)
# or of the article (PAYWALL_ARTICLE_WORDS) is the site's, not the article's
# (ingest.clean.sitelines.label_trailing_prompts). Not "member" or "premium": council members and
# premium prices are news. Lower case.
SUBSCRIBER_WORDS = (
    "subscriber", "subscribers", "subscription", "subscriptions", "abonnent", "abonnenten", "abonnentin",
    "abo", "abos", "digitalabo", "abonnement", "abonnements", "abonné", "abonnés", "abonnée", "abonnées",
    "suscriptor", "suscriptora", "suscriptores", "suscripción", "assinante", "assinantes", "assinatura",
    "abbonato", "abbonata", "abbonati", "abbonamento", "abonnee", "abonnees", "prenumerant", "prenumeranter",
    "prenumeration", "abonnenter", "tilaaja", "tilaajat", "tilaajana", "tilaajille", "prenumerator",
    "prenumeratorzy", "prenumeratorów", "prenumerata", "subskrybent", "subskrybenci", "subskrybentów",
    "subskrypcja", "subskrypcji", "předplatitel", "předplatitele", "předplatitelé", "předplatitelům",
    "předplatné", "подписчик", "подписчики", "подписчиков", "подписка", "подписки", "подписку",
    "передплатник", "передплатники", "передплата", "abone", "aboneler", "abonelere", "abonelik")
# Whose "you" a paywall's notice may be besides READER_WORDS (Dutch "je", "jij", "jou").
PAYWALL_READER_WORDS = ("je", "jij", "jou")
# The article a paywall's notice speaks of (lower case, whole words).
PAYWALL_ARTICLE_WORDS = (
    "article", "articles", "story", "content", "artikel", "artikels", "beitrag", "beiträge", "inhalt", "inhalte",
    "plusartikel", "plusartikels", "contenu", "contenus", "artículo", "artículos", "contenido", "contenidos",
    "articolo", "articoli", "contenuto", "contenuti", "artigo", "artigos", "conteúdo", "conteúdos", "artikkel",
    "artikkeli", "artykuł", "artykułu", "článek", "článku", "статья", "статью", "статьи", "материал", "içerik")
# The same in scripts written without spaces (found inside a run of characters): paid members,
# members only, a paid article, paid reading, members' exclusive, a paid member and a paid article
# in Korean.
PAYWALL_CHARACTERS = ("有料会員", "会員限定", "有料記事", "付费阅读", "付费会员", "会员专享", "订阅用户", "유료회원",
                      "유료 회원", "유료기사", "유료 기사", "구독자 전용")
# An appeal for the site's journalism: a line that names journalism (JOURNALISM_STEMS) and asks for
# support or a donation (SUPPORT_STEMS), and speaks to the reader or of the site's own (READER_WORDS),
# opens with its verb or ends with "!" ("Helfen Sie mit, unseren Journalismus möglich zu machen!",
# "Apoya el periodismo incómodo", "Support independent journalism"), is the site's
# (ingest.clean.sitelines.label_trailing_prompts); a report that a foundation supports local journalism
# is none of these. Lower case, parts of words.
JOURNALISM_STEMS = ("journalis", "periodis", "jornalis", "giornalis", "dziennikarst", "žurnalist", "журналист")
SUPPORT_STEMS = ("support", "unterstütz", "apoy", "apoi", "soutien", "soutenez", "sosten", "sostieni", "steun",
                 "stöd", "stott", "wesprzyj", "podpoř", "поддерж", "spende", "donat", "faites un don", "contribu")
# A prompt that bids the reader not miss what the site sends ("Never miss a story", "Du willst
# nichts mehr verpassen?", "No te pierdas nada", "Ne ratez plus rien"; ingest.clean.labels
# .label_missed_prompts): whole phrases, lower case, the apostrophe either way; not "don't
# miss the final" of an article's own advice unless the line is a box's heading or names a
# channel. Each holds one of MISS_ANCHORS (found with str.find).
MISS_PHRASES = ("never miss", "don't miss", "don’t miss", "do not miss", "dont miss", "nichts mehr verpassen",
                "nichts verpassen", "nichts mehr versäumen", "nichts versäumen", "verpassen sie nichts",
                "verpasse nichts", "verpass nichts", "verpassen sie keine", "verpasse keine", "verpass keine",
                "no te pierdas", "no se pierda", "no se pierdan", "ne manquez rien", "ne manquez plus",
                "ne manquez aucun", "ne ratez rien", "ne ratez plus", "ne ratez aucun", "ne rien manquer",
                "ne rien rater", "non perdere", "non perderti", "não perca", "nao perca", "mis niets", "mis geen")
MISS_ANCHORS = ("mis", "verpass", "versäum", "pierd", "manq", "rate", "perd", "perca")
# The label of an article's tags or categories, as blog and news software prints it under the
# article before the list ("Tags: python, docker", "Schlagwörter: Alltag, Religionen",
# "Etiquetas: ...", "Filed under: Arts, Visual Art", "In this article: Emma Stone, Musical"), followed
# by a colon; TAG_LEADS need none ("Filed under celebrity breakups, ..."). Lower case.
TAG_LABELS = ("tags", "tag", "tagged", "labels", "categories", "category", "topics", "filed under", "in this article",
              "related topics",
              "schlagwörter", "schlagworte", "stichwörter", "stichworte", "kategorie", "kategorien", "themen",
              "abgelegt unter", "étiquettes", "mots-clés", "mots clés", "catégories", "catégorie", "sujets",
              "etiquetas", "categorías", "categoría", "temas", "categorias", "tópicos", "argomenti",
              "categorie", "etichette", "trefwoorden", "categorieën", "onderwerpen", "taggar", "kategorier",
              "ämnen", "emner", "stikkord", "stikord", "avainsanat", "tagit", "aiheet", "kategoriat",
              "tagi", "tematy", "štítky", "témata", "tagy", "теги", "метки", "рубрики", "темы",
              "etiketler", "kategoriler", "konular", "タグ", "カテゴリー", "カテゴリ", "标签", "標籤",
              "分类", "分類", "태그", "분류", "แท็ก", "หมวดหมู่")
TAG_LEADS = ("filed under", "tagged with", "abgelegt unter")
# The sentence blog software prints under a post to file it under its categories and tags, as its
# translations word it ("This entry was posted in Allgemein. Bookmark the permalink.", "Dieser
# Eintrag wurde veröffentlicht in Podcast und verschlagwortet mit ..."). Lower case.
TAG_ENTRY_LEADS = ("this entry was posted in", "this entry was filed under", "this entry was tagged",
                   "dieser eintrag wurde veröffentlicht in", "dieser beitrag wurde veröffentlicht in",
                   "cette entrée a été publiée dans", "cet article a été publié dans", "esta entrada fue publicada en",
                   "esta entrada foi publicada em", "questa voce è stata pubblicata in", "dit bericht werd geplaatst in",
                   "detta inlägg postades i", "dette indlæg blev udgivet i", "ten wpis został opublikowany w")
# What names the channel of such a prompt besides CHANNEL_NAMES: the e-mail it comes by, the
# sign-up it asks for (lower case, found inside words: "signing up", "abonnieren", "suscríbete").
SIGN_UP_STEMS = ("e-mail", "email", "sign up", "signing up", "subscri", "abonn", "suscri", "inscri", "iscri",
                 "anmeld", "updates", "notifica", "benachrichtig")
# CONSENT_WORDS and the reader's "you" and "your" besides: with a channel's name these speak to
# the reader, not of a company ("its app"; not German "Sie"/"ihr", which also mean "she" and
# "her", nor French "je").
READER_WORDS = CONSENT_WORDS + ("unser", "unserem", "dich", "dir", "deinen", "deinem", "tu", "tus", "te", "ton",
                                "ta", "tes", "nuestros", "nuestras", "jouw", "din", "ditt", "dine")
# The same in scripts written without spaces (found inside a run of characters): "this
# site", "we", "our company".
CONSENT_CHARACTERS = ("本站", "本网站", "我們", "我们", "当社", "弊社", "당사")

# Cookies, by the word sites use for them (Cookie-Einstellungen, cookies, クッキー, 쿠키,
# evästeet, informasjonskapsler, ciasteczka), and the names a site gives itself ("our
# website", "this site", "unsere Website", 本网站, 当サイト): a line with both is a cookie
# notice (ingest.clean.consent). Lower case.
COOKIE_STEMS = ("cookie", "クッキー", "쿠키", "คุกกี้", "evästee", "informasjonskapsl", "ciasteczk")
SITE_SELF_NAMES = (
    "our website", "our web site", "our site", "our sites", "our services", "our pages", "this website",
    "this web site", "this site", "unsere website", "unserer website", "unsere webseite", "unserer webseite",
    "unsere seite", "unserer seite", "unsere internetseite", "unserer internetseite", "diese website",
    "dieser website", "diese webseite", "dieser webseite", "notre site", "ce site", "nuestro sitio",
    "nuestra web", "nuestra página", "este sitio", "este site", "il nostro sito", "questo sito", "onze website",
    "onze site", "deze website", "deze site", "nosso site", "nosso sítio", "naszej stronie", "naszego serwisu",
    "vår webbplats", "vår nettside", "vores hjemmeside", "vores website", "нашем сайте", "наш сайт",
    "本网站", "本站", "当サイト", "本サイト", "당사", "이 사이트", "본 사이트")

# --- notices a page's scripts and widgets leave (ingest.clean.notices) ---------------
# A question to the reader about the page's own article ("Hat Ihnen dieser Artikel gefallen?",
# "War der Artikel nützlich?", "Like this story?", "Would you like to comment on this article?",
# "Fanden Sie diesen Artikel nützlich?"): a rating, sharing or donation widget under it. The
# article's names, and the words that make one the page's own (a determiner, "our"), lower case.
ARTICLE_NOUNS = frozenset(("article", "story", "post", "artikel", "beitrag", "artículo", "nota", "articolo",
                           "artigo", "matéria", "artykuł", "artykułu", "článek", "článku", "artikkel", "artikkelen",
                           "artikeln", "cikk", "cikket", "haber", "text", "texte", "texto", "testo", "tekst"))
ARTICLE_DETERMINERS = frozenset(("this", "the", "that", "our", "dieser", "diesen", "diesem", "der", "den", "dem",
                                 "die", "das", "unseren", "unserem", "ce", "cet", "cette", "le", "la", "l", "notre",
                                 "este", "esta", "el", "nuestro", "questo", "quest", "il", "lo", "o", "a", "deze",
                                 "dit", "het", "de", "denne", "denna", "dette", "det", "ten", "tento", "ta", "tego",
                                 "ez", "az", "bu"))
# A typo-report widget's question ("Found a typo?", "Sie haben einen Fehler gefunden?", "Нашли
# ошибку?", "Vous avez repéré une erreur ?"): a word for a mistake and a verb of finding it, as
# the beginnings of words (inflections follow), and the same words in scripts without spaces.
TYPO_NOUNS = ("typo", "error", "mistake", "fehler", "tippfehler", "erreur", "faute", "coquille", "errore",
              "refuso", "erro", "fout", "feil", "fejl", "virhe", "błąd", "chyb", "ошибк", "опечатк", "hata",
              "hiba", "grešk", "napak", "kļūd", "klaid")
TYPO_VERBS = ("found", "find", "spot", "notice", "gefunden", "entdeckt", "bemerkt", "trouvé", "repéré",
              "encontr", "visto", "trovato", "notato", "gevonden", "hittat", "funnet", "fundet", "fandt",
              "löys", "huomas", "znalaz", "zauważy", "našl", "нашли", "заметили", "buldu", "fark et", "talált",
              "pronaš", "našel")
TYPO_UNSPACED = (("错误", "错别字", "誤字", "脱字", "오타", "오류"), ("发现", "見つけ", "발견"))
# A script's name, and the words by which a placeholder asks the reader to turn it on or says
# it is needed ("please enable JavaScript", "Bitte aktivieren Sie JavaScript", "JavaScript is
# required", "habilita JavaScript", "JavaScriptを有効にしてください"). Lower case, parts of words.
SCRIPT_NAMES = ("javascript",)
SCRIPT_ASKS = ("enabl", "activ", "aktiv", "habilit", "abilit", "attiv", "required", "requires", "need",
               "benötig", "erforderlich", "trenger", "behöver", "włącz", "povol", "zapn", "включ", "etkinleştir",
               "bloque", "block", "disabled", "有効", "無効", "启用", "启動", "开启", "사용")
# A notice to a reader whose ad blocker is on ("We noticed you're using an ad blocker.", "Some site
# features may not work correctly while an ad blocker is enabled", "Sie haben einen Adblocker
# aktiviert"): an ad blocker's name, and what the notice says of it or asks (it is on, turn it
# off): lower case, parts of words. An article about ad blocking names them without that.
AD_BLOCKER_NAMES = ("adblock", "ad block", "ad-block", "werbeblocker", "werbe-blocker", "bloqueur de pub",
                    "bloqueador de anuncios", "bloqueador de publicidad", "blocco della pubblicità",
                    "blocco pubblicità", "blokada reklam", "blokátor reklam", "блокировщик рекламы")
AD_BLOCKER_ASKS = ("disabl", "turn off", "turn it off", "switch off", "whitelist", "allowlist", "is enabled",
                   "are enabled", "you're using", "you are using", "you use", "deaktivier", "ausschalten",
                   "abschalten", "aktiviert", "benutzen sie", "nutzen sie", "verwenden sie", "désactiv",
                   "utilisez", "desactiv", "usando", "disattiv", "stai usando", "wyłącz", "vypn", "отключ")
# Embedded or external content by name: the placeholder of a post, video or map from another site
# ("An dieser Stelle finden Sie externen Inhalt", "Externen Inhalt anzeigen", "Následuje obsah vložený
# z jiného webu", "contenu externe"). Lower case.
EMBED_NAMES = ("external content", "embedded content", "redaktioneller inhalt", "externen inhalt", "externer inhalt", "externe inhalt",
               "eingebetteten inhalt", "eingebetteter inhalt", "contenu externe", "contenido externo",
               "conteúdo externo", "contenuto esterno", "externe inhoud", "externt innehåll", "eksternt innhold",
               "eksternt indhold", "obsah vložený", "vložený obsah", "externí obsah", "externý obsah",
               "внешний контент", "внешнее содержимое", "外部コンテンツ", "外部内容", "외부 콘텐츠")
# What a platform's embed code shows in place of a post, on every site alike, at a line's start. Lower case.
EMBED_LINES = ("view this post on instagram", "view this photo on instagram", "view this video on instagram",
               # ... as the embed words it in other languages
               "sieh dir diesen beitrag auf instagram an", "voir cette publication sur instagram",
               "ver esta publicación en instagram", "visualizza questo post su instagram", "ver essa foto no instagram",
               "ver esta publicação no instagram", "dit bericht bekijken op instagram", "visa det här inlägget på instagram",
               "se dette opslag på instagram", "vis dette innlegget på instagram", "wyświetl ten post na instagramie",
               "bu gönderiyi instagram'da gör", "посмотреть эту публикацию в instagram", "この投稿をinstagramで見る",
               "instagram에서 이 게시물 보기")
# The credit line an Instagram post's embed shows under it, with the account's handle in brackets
# ("A post shared by Name (@name)", "Ein Beitrag geteilt von Name (@name) am 23. Okt 2017"), in the
# languages the embed speaks. Lower case; a line that holds one and "(@" is the embed's.
EMBED_CREDITS = ("a post shared by", "a photo posted by", "a video posted by", "a photo shared by",
                 "a video shared by", "ein beitrag geteilt von", "une publication partagée par",
                 "una publicación compartida por", "una publicación compartida de", "un post condiviso da",
                 "uma publicação compartilhada por", "een bericht gedeeld door", "ett inlägg delat av",
                 "et innlegg delt av", "et opslag delt af", "post udostępniony przez", "публикация от",
                 "tarafından paylaşılan bir gönderi", "がシェアした投稿", "님의 공유 게시물")
# The word a form puts in brackets after a required field's label ("Name (required)", "E-Mail
# (erforderlich)", "Nom (obligatoire)"): ingest.clean.notices. Lower case.
FORM_REQUIRED = ("required", "erforderlich", "pflichtfeld", "obligatorio", "obligatoire", "obbligatorio",
                 "obrigatório", "verplicht", "obligatoriskt", "obligatorisk", "påkrævet", "pakollinen", "wymagane",
                 "povinné", "obligatoriu", "kötelező", "обязательно", "обязательное поле", "zorunlu", "wajib",
                 "必須", "必填", "필수")
# A video player that did not load leaves its error in the text ("We apologize, but this video has
# failed to load.", "Media playback is unsupported on your device", "Video Unavailable", "Dieses
# Video ist nicht mehr verfügbar"): a player's medium by name, at a word's start, and what went
# wrong with it; then perhaps a line that asks to load the page again ("Try refreshing your
# browser, or tap here to see other videos from our team."). Lower case, parts of words.
MEDIA_NAMES = ("video", "vídeo", "vidéo", "media playback", "media player", "видео", "视频", "視頻", "動画",
               "동영상")
# The names as a page is scanned for them (one scan each: "media play" finds both English ones).
MEDIA_ANCHORS = ("video", "vídeo", "vidéo", "media play", "видео", "视频", "視頻", "動画", "동영상")
MEDIA_FAILURES = ("failed to load", "could not be loaded", "couldn't be loaded", "could not load", "couldn't load",
                  "unable to load", "cannot be played", "can't be played", "could not be played",
                  "couldn't be played", "unable to play", "not available", "unavailable", "unsupported",
                  "not supported", "is loading", "error occurred", "error has occurred",
                  "nicht verfügbar", "nicht mehr verfügbar", "konnte nicht geladen", "nicht abgespielt",
                  "wird geladen", "pas disponible", "plus disponible", "indisponible", "pas pu être chargé",
                  "impossible de lire", "impossible de charger", "no está disponible", "no disponible",
                  "no se pudo cargar", "no se puede reproducir", "non è disponibile", "non disponibile",
                  "non è più disponibile", "impossibile caricare", "impossibile riprodurre",
                  "não está disponível", "indisponível", "não foi possível carregar", "niet beschikbaar",
                  "niet meer beschikbaar", "niet worden afgespeeld", "niet worden geladen", "недоступн",
                  "не доступн", "не удалось загрузить", "无法播放", "無法播放", "无法加载", "無法載入",
                  "再生できません", "読み込めません", "재생할 수 없")
MEDIA_RETRIES = ("refresh", "reload", "try again", "neu laden", "aktualisier", "erneut", "réessay", "actualis",
                 "recarg", "inténtalo", "intenta de nuevo", "riprova", "ricaric", "opnieuw", "обнов",
                 "再読み込み", "刷新", "새로고침")
# Parts of those names that a page is scanned for (few: each is a scan of the page; "tern" is
# the part of "extern", "estern", "ekstern" that one scan finds, several times faster than each).
EMBED_ANCHORS = ("redaktioneller", "tern", "embedded", "eingebettet", "vložen", "внешн", "外部", "외부",
                 "instagram")
# An article's reading time ("3 Min Lesezeit", "5 min read", "1 minuti di lettura", "Lesedauer: 4
# Minuten", "temps de lecture"): with a number, a dateline's. Lower case.
READING_TIME = ("lesedauer", "lesezeit", "min read", "mins read", "minute read", "minutes read", "reading time",
                "di lettura", "de lecture", "de lectura", "de leitura", "leestijd", "lästid", "lesetid",
                "læsetid", "lukuaika", "czas czytania", "min czytania", "doba čtení", "min čtení",
                "время чтения", "мин чтения", "okuma süresi", "dk okuma", "読了", "阅读时间", "閱讀時間")
# The unit of a reading time, one of which each such line holds ("5 Min.", "4 minutes", "3 dk",
# "3分"), and the parts of them a page is scanned for.
READING_UNITS = ("min", "мин", "dk", "分")
READING_ANCHORS = ("min", "мин", "dk", "分")
# The comment box's words under an article: a comment by its stem in the languages ("comment",
# "Kommentar", "comentar", "komentarz", "комментарий", "コメント", "评论", "댓글"), and what a line
# that names one says of it when it is the box's prompt, not the article's reporting ("declined
# to comment"): that the reader must sign in or register to write one ("Para comentar debes
# registrarte", "Du musst eingeloggt sein um Kommentare zu schreiben", "You must be logged in to
# post a comment"), or that the comments are closed ("Die Kommentarfunktion ist deaktiviert",
# "Comments are closed"): ingest.clean.commenting. Lower case.
COMMENT_STEMS = ("comment", "komment", "koment", "coment", "reactie", "reageer", "kommentaar",
                 "коммент", "yorum", "コメント", "评论", "評論", "留言", "댓글")
COMMENT_ACCESS = ("log in", "logged in", "login", "log on", "sign in", "signed in", "register", "registr",
                  "eingeloggt", "einloggen", "angemeldet", "anmelden", "inicia sesión", "iniciar sesión",
                  "ingresar", "inicie sesión", "connecté", "connectez", "connexion", "accedi", "accedere",
                  "inloggen", "ingelogd", "aanmelden", "logga in", "inloggad", "logge inn", "innlogget", "log ind",
                  "kirjaudu", "zaloguj", "zalogowan", "přihlás", "войдите", "войти", "авториз", "зарегистр",
                  "giriş yap", "ログイン", "登录", "登入", "로그인")
COMMENT_CLOSED = ("closed", "disabled", "deaktiviert", "geschlossen", "désactivé", "fermé", "cerrad", "desactivad",
                  "desativad", "chius", "disabilitat", "gesloten", "uitgeschakeld", "stängd", "avstängd", "lukket",
                  "deaktiveret", "suljettu", "zamknię", "wyłączon", "uzavřen", "vypnut", "закрыт", "отключ",
                  "kapalı", "kapatıl", "締め切", "关闭", "關閉", "마감")
# ... or that the line is the comment form's own: it asks for the reader's comment ("Please enter
# your comment!", "Bitte geben Sie Ihren Kommentar ein!") or offers to keep the commenter's name in
# the browser ("Save my name, email, and website in this browser for the next time I comment.",
# the box blog software puts under its form in every language).
COMMENT_FORM = ("your comment", "ihren kommentar", "ihr kommentar", "deinen kommentar", "dein kommentar",
                "votre commentaire", "ton commentaire", "tu comentario", "su comentario", "il tuo commento",
                "seu comentário", "je reactie", "uw reactie", "din kommentar", "twój komentarz", "váš komentář",
                "ваш комментарий", "yorumunuz", "browser", "navegador", "navigateur", "webbläsare",
                "nettleser", "selain", "przeglądar", "prohlížeč", "браузер", "tarayıcı", "ブラウザ",
                "浏览器", "瀏覽器", "브라우저")
# The roles a news agency's desk credits under an article, each before "by" ("Reporting by Jane Roe
# in Beirut; Writing by ...; Editing by ...", "Additional reporting by ..."): ingest.clean.credits.desk_credits.
DESK_ROLES = ("reporting", "additional reporting", "writing", "additional writing", "editing", "compiled",
              "graphics", "production", "research", "fact-checking")


# What a photo's credit that names no agency opens with, on a short line of its own: the private
# or family archive it comes from, or whose courtesy ("личный архив Анны Петровой", "Foto aus dem
# Privatarchiv", "Courtesy of the family"): ingest.clean.credits.credit_lines. Lower case.
ARCHIVE_CREDITS = ("личный архив", "из личного архива", "фото из личного архива", "особистий архів",
                   "з особистого архіву", "archiwum prywatne", "z archiwum prywatnego", "archivo personal",
                   "archivo familiar", "archivio personale", "archivio privato", "arquivo pessoal",
                   "privatarchiv", "foto aus dem privatarchiv", "archives personnelles", "archives familiales",
                   "private archive", "family archive", "personal archive", "courtesy of", "photo courtesy of",
                   "image courtesy of")
# News and photo agencies whose name alone, or after or before a photographer's ("Michael Conroy,
# AP", "Jane Roe/dpa", "imago images/Name"), makes a line a photo's credit (ingest.clean.credits.
# credit_lines). Lower case.
CREDIT_AGENCIES = ("afp", "ap", "apa", "ansa", "anp", "belga", "dpa", "ddp", "efe", "epa", "epa-efe", "reuters",
                   "getty images", "getty", "imago", "imago images", "keystone", "picture alliance",
                   "picture-alliance", "shutterstock", "istock", "xinhua", "kyodo", "yonhap", "tass", "ntb",
                   "associated press", "ap photo", "afp via getty images", "pa", "pa wire", "pa images",
                   "bloomberg", "zuma press", "sipa", "eyevine", "alamy", "adobe stock", "unsplash",
                   # Nordic, Central and Eastern European, Turkish, East Asian, French agencies
                   "ritzau", "ritzau scanpix", "scanpix", "ntb scanpix", "tt nyhetsbyrån", "lehtikuva", "polfoto",
                   "pap", "čtk", "ctk", "mti", "hina", "tanjug", "bta", "agerpres", "ria novosti", "sputnik",
                   "europa press", "lapresse", "keystone-sda", "sda", "epd", "kna", "hollandse hoogte",
                   "anadolu", "anadolu agency", "newsis", "news1", "maxppp", "hans lucas", "abaca")
# The word that names an item's source on a line of its own, with a colon ("Quelle: dpa", "Bron:
# BELGA", "Fuente: EFE", "Kilde: NTB", "Источник: ТАСС"): an agency's credit under the article or a
# chart (ingest.clean.credits.source_lines; at the start of a short line only: "(Quelle: ...)"
# inside a paragraph is the article's). English "Source:" is a caption word already. Lower case.
SOURCE_NAMES = ("quelle", "quellen", "bron", "fuente", "fuentes", "fonte", "fontes", "źródło", "kilde", "källa",
                "lähde", "zdroj", "forrás", "kaynak", "источник", "джерело", "sumber", "nguồn")
# An affiliate disclosure: the site tells its reader that it earns from the links in its
# articles ("When you purchase through links on our site, we may earn an affiliate commission",
# "In diesem Artikel sind Affiliate-Links enthalten ... erhalten wir eine kleine Provision",
# "Cet article contient des liens affiliés"): ingest.clean.disclosures. What it earns (affiliate,
# commission, compensation, Provision, comisión, comissão, prowizja) and the word for a link, in
# lower case; the words by which a site speaks of itself or to its reader are READER_WORDS and
# these. In Chinese, Japanese and Korean: what it earns, and the words by which a page names
# itself ("本記事", "当サイト", "이 포스팅").
EARNING_STEMS = ("affili", "afili", "commissi", "comisi", "comiss", "compensat", "provision", "prowizj")
LINK_WORDS = ("link", "links", "linking", "linki", "linków", "lien", "liens", "enlace", "enlaces")
SELF_WORDS = ("we", "us", "wir", "uns", "ihr", "euch", "eure", "euer", "nous", "nosotros", "nosotras", "noi", "wij", "ons",
              "nós", "vi", "my")
EARNING_UNSPACED = ("アフィリエイト", "プロモーション", "佣金", "수수료")
SELF_UNSPACED = ("本記事", "この記事", "記事内", "本ページ", "このページ", "当サイト", "本サイト", "当ブログ", "本文",
                 "本站", "本网站", "我們", "我们", "이 포스팅", "이 글", "이 기사", "파트너스")

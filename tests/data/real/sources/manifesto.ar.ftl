# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, You can obtain one at https://mozilla.org/MPL/2.0/.

### URL: https://www-dev.allizom.org/about/manifesto/

# HTML page title
manifesto-the-mozilla-manifesto = بيان { -brand-name-mozilla }

# HTML page description
manifesto-these-are-the-principles = هذه هي المبادئ التي تُوجه مُهمتنا لتعزيز الانفتاح والابتكار والفرص على الويب.

manifesto-the-internet-is-an-integral = يُعتبر الإنترنت جزءًا لا يتجزأ من الحياة العصرية — ومُكون رئيسي في التعليم والتواصل والتعاون والأعمال والترفيه والمُجتمع ككل.
manifesto-the-internet-is-a-global = الإنترنت هو مورد عام عالمي يجب أن يظل مفتوحًا ويسهل الوصول إليه.
manifesto-the-internet-must-enrich = يجب أن يُثري الإنترنت حياة الأفراد.
manifesto-individuals-security-and = يُعد أمان وخصوصية الأفراد على الإنترنت أمرًا أساسيًا ولا يجب إغفال جانب على حساب الآخر.
manifesto-individuals-must-have = يجب أن يتمتع الأفراد بالقدرة على تشكيل الإنترنت وتجاربهم الخاصة عليه.
manifesto-the-effectiveness-of-the = تعتمد كفاءة الإنترنت كمُورد عام على إمكانية التشغيل التفاعلي (البروتوكولات وتنسيقات البيانات والمحتوى) والابتكار والمشاركة اللامركزية في جميع أنحاء العالم.
manifesto-free-and-open-source-software = تُعزز البرمجيات الحرة والمفتوحة المصدر من تطوير الإنترنت كمورد عام.
manifesto-transparent-community = تُعزز العمليات المجتمعية الشفافة المشاركة والمساءلة والثقة.
manifesto-commercial-involvement = تجلب المشاركة التجارية في تطوير الإنترنت العديد من الفوائد؛ حيث إن التوازن بين الربح التجاري والمنفعة العامة أمر بالغ الأهمية.
manifesto-magnifying-the-public = يُعد تعظيم جوانب المنفعة العامة للإنترنت هدفًا مهمًا يستحق الوقت والاهتمام والالتزام.
manifesto-principle-1 = المبدأ الأول
manifesto-principle-2 = المبدأ الثاني
manifesto-principle-3 = المبدأ الثالث
manifesto-principle-4 = المبدأ الرابع
manifesto-principle-5 = المبدأ الخامس
manifesto-principle-6 = المبدأ السادس
manifesto-principle-7 = المبدأ السابع
manifesto-principle-8 = المبدأ الثامن
manifesto-principle-9 = المبدأ التاسع
manifesto-principle-10 = المبدأ العاشر
manifesto-01 = 01
manifesto-02 = 02
manifesto-03 = 03
manifesto-04 = 04
manifesto-05 = 05
manifesto-06 = 06
manifesto-07 = 07
manifesto-08 = 08
manifesto-09 = 09
manifesto-10 = 10

# Main page heading
manifesto-the-mozilla-manifesto-addendum = مُلحق بيان { -brand-name-mozilla }

# Main page sub-heading
manifesto-pledge-for-a-healthy-internet = تعهُّد من أجل إنترنت صحي

manifesto-the-open-global-internet = الإنترنت العالمي المفتوح هو أقوى مورد تواصل وتعاون رأيناه على الإطلاق. حيث يُجسد بعض أعمق آمالنا نحو التقدم البشري. وهو يُتيح فرصًا جديدة للتعلم، وبناء شعور بالإنسانية المشتركة، وحل المشكلات الملحة التي تواجه الناس في كل مكان.
manifesto-over-the-last-decade-we = وعلى مدى العقد الماضي، شهدنا الوفاء بهذا الوعد بطرق عديدة. لقد رأينا أيضًا قوة الإنترنت المستخدمة في تضخيم الانقسام والتحريض على العنف وتعزيز الكراهية والتلاعب بالواقع والواقع عن قصد. لقد تعلمنا أنه يجب علينا تحديد تطلعاتنا بشكل أكثر وضوحًا للتجربة الإنسانية للإنترنت. نحن نفعل ذلك الآن.
manifesto-we-are-committed-to-people = نحن ملتزمون بإنترنت يشمل جميع شعوب الأرض — حيث لا تحدد الخصائص الديموغرافية للشخص إمكانية الوصول عبر الإنترنت أو الفرص أو جودة التجربة.
manifesto-we-are-committed-to-discourse = نحن مُلتزمون بإنترنت يُعزز الخطاب المدني والكرامة الإنسانية والتعبير الفردي.
manifesto-we-are-committed-to-thinking = نحن ملتزمون بإنترنت يرفع من مستوى التفكير النقدي والحُجج المنطقية والمعرفة المشتركة والحقائق التي يُمكن التحقق منها.
manifesto-we-are-committed-to-diverse = نحن ملتزمون بإنترنت يُحفز التعاون بين مجتمعات متنوعة تعمل معًا من أجل الصالح العام.
manifesto-show-your-support = أظهروا دعمكم
manifesto-an-internet-with-these = الإنترنت بهذه الصفات لن يأتي إلى الحياة من تلقاء نفسه. يجب على الأفراد والمنظمات تضمين هذه التطلعات في تكنولوجيا الإنترنت وفي التجربة البشرية مع الإنترنت. يُمثل بيان { -brand-name-mozilla } والملحق التزام { -brand-name-mozilla } بالنهوض بهذه التطلعات. نهدف إلى العمل مع الأشخاص والمُؤسسات في كل مكان الذين يشاركون هذه الأهداف لجعل الإنترنت مكانًا أفضل للجميع.
manifesto-i-support-the-vision-of-v2 = أؤيّد رؤية إنترنت أفضل وصحّي من { -brand-name-mozilla }، هل سَتنضم إليّ؟
# obsolete (expires 2025-04-12)
manifesto-i-support-the-vision-of = أؤيد رؤية إنترنت أفضل وصحي من @mozilla، هل ستنضم إليّ؟

manifesto-share-on-bluesky = شارك على Bluesky
manifesto-our-10-principles = <strong>مبادئنا العشرة</strong>
manifesto-read-the-entire-manifesto = اقرأ البيان كاملًا
manifesto-love-the-web = هل تُحب الويب؟
manifesto-get-the-mozilla-newsletter = احصل على رسائل { -brand-name-mozilla } الإخبارية، وساعدنا في إبقائها مفتوحة ومجانية.
manifesto-details-the-mozilla-manifesto = بيان { -brand-name-mozilla }
manifesto-details-introduction = مُقدّمة
manifesto-details-the-internet-is-becoming = أصبح الإنترنت جزءًا مُهمًا بشكل متزايد من حياتنا.
manifesto-details-the-mozilla-project-global = مشروع { -brand-name-mozilla } هو مُجتمع عالمي من الأشخاص الذين يُؤمنون بأن الانفتاح والابتكار والفُرص هي المفتاح لاستمرار صحة الإنترنت. لقد عمِلنا معًا منذ عام 1998 لضمان تطوير الإنترنت بطريقة تفيد الجميع. نحن مشهورون بابتكار متصفح الويب { -brand-name-mozilla } { -brand-name-firefox }.
manifesto-details-the-mozilla-project-community = يَستخدم مشروع { -brand-name-mozilla } نهجًا قائمًا على المُجتمع لإنشاء برامج مفتوحة المصدر على مستوى عالمي ولتطوير أنواع جديدة من الأنشطة التعاونية. نحن نُنشئ مجتمعات من الأشخاص المُشاركين في جعل تجربة الإنترنت أفضل لنا جميعًا.
manifesto-details-as-a-result-of = ونتيجة لهذه الجهود، قُمنا بتصفية مجموعة من المبادئ التي نعتقد أنها ضرورية للإنترنت للاستمرار في خدمة الصالح العام وكذلك الجوانب التجارية للحياة. وضعنا هذه المبادئ أدناه.
manifesto-details-the-goals-for = أهداف هذا البيان هي كما يلي:
manifesto-details-articulate-a-vision = بَلورة رؤية للإنترنت يرغب المشاركون في { -brand-name-mozilla } أن تتبعها { -brand-name-mozilla-foundation }؛
manifesto-details-speak-to-people = والتحدّث إلى الناس سواءً كانت لديهم خلفية تقنية أم لا؛
manifesto-details-make-mozilla-contributors = واجعل المُساهمين في { -brand-name-mozilla } فخورين بما نقوم به وهو ما يُحفزنا على الاستمرار؛
manifesto-details-provide-a-framework = وتوفير إطار عمل لأشخاص آخرين لتعزيز هذه الرؤية للإنترنت.
manifesto-details-these-principles = لن تتحقق هذه المبادئ من تلقاء نفسها. نحتاج إلى الناس لجعل الإنترنت مفتوحًا وقائمًا على المشاركة، أشخاص يتصرفون كأفراد، ويعملُون معًا في مجموعات، ويقودون الآخرين. إن { -brand-name-mozilla-foundation } ملتزمة بالنهوض بالمبادئ المنصوص عليها في بيان { -brand-name-mozilla }. ندعو الآخرين إلى الانضمام إلينا وجعل الإنترنت مكانًا أفضل للجميع.
manifesto-details-principles = المبادئ
manifesto-details-the-internet-is-integral = يُعتبر الإنترنت جزءًا لا يتجزأ من الحياة العصرية — ومُكون رئيسي في التعليم والتواصل والتعاون والأعمال والترفيه والمُجتمع ككل.
manifesto-details-the-internet-is-global = الإنترنت هو مورد عام عالمي يَجب أن يَظل مفتوحًا ويسهل الوصول إليه.
manifesto-details-the-internet-must = يجب أن يُثري الإنترنت حياة الأفراد.
manifesto-details-individuals-security = يُعد أمان وخصوصية الأفراد على الإنترنت أمرًا أساسيًا ولا يجب إغفال جانب على حساب الآخر.
manifesto-details-individuals-must = يجب أن يتمتع الأفراد بالقدرة على تشكيل الإنترنت وتجاربهم الخاصة على الإنترنت.
manifesto-details-the-effectiveness = تعتمد كفاءة الإنترنت كمُورد عام على إمكانية التشغيل التفاعلي (البروتوكولات وتنسيقات البيانات والمحتوى) والابتكار والمشاركة اللامركزية في جميع أنحاء العالم.
manifesto-details-free-and-open = تُعزز البرمجيات الحرة والمفتوحة المصدر من تطوير الإنترنت كمورد عام.
manifesto-details-transparent-community = تُعزز العمليات المجتمعية الشفافة المشاركة والمساءلة والثقة.
manifesto-details-commercial-involvement = تجلب المشاركة التجارية في تطوير الإنترنت العديد من الفوائد؛ حيث إن التوازن بين الربح التجاري والمنفعة العامة أمر بالغ الأهمية.
manifesto-details-magnifying-the = يُعد تعظيم جوانب المنفعة العامة للإنترنت هدفًا مهمًا يستحق الوقت والاهتمام والالتزام.
manifesto-details-advancing-the = تطوير بيان { -brand-name-mozilla }
manifesto-details-there-are-many = هناك العديد من الطرق المُختلفة لتطوير مبادئ بيان { -brand-name-mozilla }. نُرحب بمجموعة واسعة من الأنشطة، ونتوقع نفس القدر من الإبداع الذي أظهره المشاركين في { -brand-name-mozilla } في مناطق أخرى من المشروع. وبالنسبة للأفراد غير المُشاركين بعمق في مشروع { -brand-name-mozilla } فإن إحدى الطرق الأساسية والفعالة جدًا لدعم البيان هي استخدام { -brand-name-mozilla } { -brand-name-firefox } وغيرها من المنتجات التي تُجسد مبادئ البيان.
manifesto-details-mozilla-foundation = تعهد { -brand-name-mozilla-foundation }
manifesto-details-the-mozilla-foundation-pleges = تتعهد { -brand-name-mozilla-foundation } بدعم بيان { -brand-name-mozilla } في نشاطاته. على وجه التحديد، سَنقوم بما يلي:
manifesto-details-build-and-enable = بناء وتمكين تقنيات ومُجتمعات مفتوحة المصدر تدعم مبادئ البيان؛
manifesto-details-build-and-deliver = وبناء وتقديم منتجات استهلاكية رائعة تدعم مبادئ البيان؛
manifesto-details-use-the-mozilla = واستخدام أصول { -brand-name-mozilla } (الملكية الفكرية، مثل حقوق النشر والعلامات التجارية والبُنية التحتية والأموال والسمعة) لإبقاء الإنترنت منصة مفتوحة؛
manifesto-details-promote-models = وتعزيز نماذج لِخلق قيمة اقتصادية للمصلحة العامة؛
manifesto-details-promote-the-mozilla = وتعزيز مبادئ بيان { -brand-name-mozilla } في الخطاب العام وداخل صِناعة الإنترنت.
manifesto-details-some-foundation = تنفذ بعض أنشطة المُؤسسة—في الوقت الحالي ابتكار منتجات للعملاء والترويج لها—في الأساس من خلال شركة فرعية مملوكة تمامًا لـ { -brand-name-mozilla-foundation } ألا وهي { -brand-name-mozilla-corporation }.
manifesto-details-invitation = دعوة
manifesto-details-the-mozilla-foundation-invites = تدعو { -brand-name-mozilla-foundation } الآخرين المشاركين في بيان { -brand-name-mozilla } إلى الانضمام إلينا، وإيجاد طُرق جديدة لجعل هذه الرؤية للإنترنت حقيقة واقعة.

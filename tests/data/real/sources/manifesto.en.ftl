# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0. If a copy of the MPL was not distributed with this
# file, You can obtain one at http://mozilla.org/MPL/2.0/.

### URL: https://www-dev.allizom.org/about/manifesto/

# HTML page title
manifesto-the-mozilla-manifesto = The { -brand-name-mozilla } Manifesto

# HTML page description
manifesto-these-are-the-principles = These are the principles that guide our mission to promote openness, innovation & opportunity on the web.

manifesto-the-internet-is-an-integral = The internet is an integral part of modern life—a key component in education, communication, collaboration, business, entertainment and society as a whole.
manifesto-the-internet-is-a-global = The internet is a global public resource that must remain open and accessible.
manifesto-the-internet-must-enrich = The internet must enrich the lives of individual human beings.
manifesto-individuals-security-and = Individuals’ security and privacy on the internet are fundamental and must not be treated as optional.
manifesto-individuals-must-have = Individuals must have the ability to shape the internet and their own experiences on it.
manifesto-the-effectiveness-of-the = The effectiveness of the internet as a public resource depends upon interoperability (protocols, data formats, content), innovation and decentralized participation worldwide.
manifesto-free-and-open-source-software = Free and open source software promotes the development of the internet as a public resource.
manifesto-transparent-community = Transparent community-based processes promote participation, accountability and trust.
manifesto-commercial-involvement = Commercial involvement in the development of the internet brings many benefits; a balance between commercial profit and public benefit is critical.
manifesto-magnifying-the-public = Magnifying the public benefit aspects of the internet is an important goal, worthy of time, attention and commitment.
manifesto-principle-1 = Principle 1
manifesto-principle-2 = Principle 2
manifesto-principle-3 = Principle 3
manifesto-principle-4 = Principle 4
manifesto-principle-5 = Principle 5
manifesto-principle-6 = Principle 6
manifesto-principle-7 = Principle 7
manifesto-principle-8 = Principle 8
manifesto-principle-9 = Principle 9
manifesto-principle-10 = Principle 10
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
manifesto-the-mozilla-manifesto-addendum = The { -brand-name-mozilla } Manifesto Addendum

# Main page sub-heading
manifesto-pledge-for-a-healthy-internet = Pledge for a Healthy Internet

manifesto-the-open-global-internet = The open, global internet is the most powerful communication and collaboration resource we have ever seen. It embodies some of our deepest hopes for human progress. It enables new opportunities for learning, building a sense of shared humanity, and solving the pressing problems facing people everywhere.
manifesto-over-the-last-decade-we = Over the last decade we have seen this promise fulfilled in many ways. We have also seen the power of the internet used to magnify divisiveness, incite violence, promote hatred, and intentionally manipulate fact and reality. We have learned that we should more explicitly set out our aspirations for the human experience of the internet. We do so now.
manifesto-we-are-committed-to-people = We are committed to an internet that includes all the peoples of the earth — where a person’s demographic characteristics do not determine their online access, opportunities, or quality of experience.
manifesto-we-are-committed-to-discourse = We are committed to an internet that promotes civil discourse, human dignity, and individual expression.
manifesto-we-are-committed-to-thinking = We are committed to an internet that elevates critical thinking, reasoned argument, shared knowledge, and verifiable facts.
manifesto-we-are-committed-to-diverse = We are committed to an internet that catalyzes collaboration among diverse communities working together for the common good.
manifesto-show-your-support = Show Your Support
manifesto-an-internet-with-these = An internet with these qualities will not come to life on its own. Individuals and organizations must embed these aspirations into internet technology and into the human experience with the internet. The { -brand-name-mozilla } Manifesto and Addendum represent { -brand-name-mozilla }’s commitment to advancing these aspirations. We aim to work together with people and organizations everywhere who share these goals to make the internet an even better place for everyone.
manifesto-i-support-the-vision-of = I support the vision of a better, healthier internet from @mozilla, will you join me?
manifesto-share-on-twitter = Share on { -brand-name-twitter }
manifesto-our-10-principles = <strong>Our 10</strong> Principles
manifesto-use-open-badges-to-share = Use Open Badges to share your skills and interests
manifesto-explore-how-the-web-impacts = Explore how the web impacts science
manifesto-learn-about-open-source = Learn about open source code in journalism
manifesto-read-about-open-internet = Read about open internet policy initiatives and developments
manifesto-explore-how-to-help-keep = Explore how to help keep the web open
manifesto-see-how-the-web-can-connect = See how the web can connect the world to healthcare
manifesto-explore-how-the-web-works = Explore how the web works
manifesto-see-how-mozilla-works = See how { -brand-name-mozilla } works to put your privacy first
manifesto-read-about-developments = Read about developments in privacy and data safety
manifesto-learn-more-about-how-to = Learn more about how to protect yourself online
manifesto-use-these-free-tools-to = Use these free tools to teach the web
manifesto-learn-about-creating-and = Learn about creating and curating content for the web
manifesto-add-new-voices-to-open = Add new voices to open source technology
manifesto-set-your-do-not-track = Set your Do Not Track preference
manifesto-understand-the-web-ecosystem = Understand the web ecosystem
manifesto-explore-how-open-practices = Explore how open practices keep the web accessible
manifesto-learn-how-to-remix-content = Learn how to remix content to create something new
manifesto-learn-how-to-maximize = Learn how to maximize the interactive potential of the web
manifesto-participate-in-our-governance = Participate in our governance forum
manifesto-join-us-as-a-volunteer = Join us as a volunteer
manifesto-learn-how-to-collaborate = Learn how to collaborate online
manifesto-visualize-who-you-interact = Visualize who you interact with on the web with Lightbeam
manifesto-learn-about-creating-web = Learn about creating web resources with others
manifesto-host-or-join-a-maker-party = Host or join a Maker Party
manifesto-learn-how-to-build-online = Learn how to build online collaboration skills
manifesto-read-the-entire-manifesto = Read the entire manifesto
manifesto-love-the-web = Love the web?
manifesto-get-the-mozilla-newsletter = Get the { -brand-name-mozilla } newsletter and help us keep it open and free.
manifesto-details-the-mozilla-manifesto = The { -brand-name-mozilla } Manifesto
manifesto-details-introduction = Introduction
manifesto-details-the-internet-is-becoming = The internet is becoming an increasingly important part of our lives.
manifesto-details-the-mozilla-project-global = The { -brand-name-mozilla } project is a global community of people who believe that openness, innovation, and opportunity are key to the continued health of the internet. We have worked together since 1998 to ensure that the internet is developed in a way that benefits everyone. We are best known for creating the { -brand-name-mozilla } { -brand-name-firefox } web browser.
manifesto-details-the-mozilla-project-community = The { -brand-name-mozilla } project uses a community-based approach to create world-class open source software and to develop new types of collaborative activities. We create communities of people involved in making the internet experience better for all of us.
manifesto-details-as-a-result-of = As a result of these efforts, we have distilled a set of principles that we believe are critical for the internet to continue to benefit the public good as well as commercial aspects of life. We set out these principles below.
manifesto-details-the-goals-for = The goals for the Manifesto are to:
manifesto-details-articulate-a-vision = articulate a vision for the internet that { -brand-name-mozilla } participants want the { -brand-name-mozilla } Foundation to pursue;
manifesto-details-speak-to-people = speak to people whether or not they have a technical background;
manifesto-details-make-mozilla-contributors = make { -brand-name-mozilla } contributors proud of what we're doing and motivate us to continue; and
manifesto-details-provide-a-framework = provide a framework for other people to advance this vision of the internet.
manifesto-details-these-principles = These principles will not come to life on their own. People are needed to make the internet open and participatory - people acting as individuals, working together in groups, and leading others. The { -brand-name-mozilla } Foundation is committed to advancing the principles set out in the { -brand-name-mozilla } Manifesto. We invite others to join us and make the internet an ever better place for everyone.
manifesto-details-principles = Principles
manifesto-details-the-internet-is-integral = The internet is an integral part of modern life—a key component in education, communication, collaboration, business, entertainment and society as a whole.
manifesto-details-the-internet-is-global = The internet is a global public resource that must remain open and accessible.
manifesto-details-the-internet-must = The internet must enrich the lives of individual human beings.
manifesto-details-individuals-security = Individuals’ security and privacy on the internet are fundamental and must not be treated as optional.
manifesto-details-individuals-must = Individuals must have the ability to shape the internet and their own experiences on the internet.
manifesto-details-the-effectiveness = The effectiveness of the internet as a public resource depends upon interoperability (protocols, data formats, content), innovation and decentralized participation worldwide.
manifesto-details-free-and-open = Free and open source software promotes the development of the internet as a public resource.
manifesto-details-transparent-community = Transparent community-based processes promote participation, accountability and trust.
manifesto-details-commercial-involvement = Commercial involvement in the development of the internet brings many benefits; a balance between commercial profit and public benefit is critical.
manifesto-details-magnifying-the = Magnifying the public benefit aspects of the internet is an important goal, worthy of time, attention and commitment.
manifesto-details-advancing-the = Advancing the { -brand-name-mozilla } Manifesto
manifesto-details-there-are-many = There are many different ways of advancing the principles of the { -brand-name-mozilla } Manifesto. We welcome a broad range of activities, and anticipate the same creativity that { -brand-name-mozilla } participants have shown in other areas of the project. For individuals not deeply involved in the { -brand-name-mozilla } project, one basic and very effective way to support the Manifesto is to use { -brand-name-mozilla } { -brand-name-firefox } and other products that embody the principles of the Manifesto.
manifesto-details-mozilla-foundation = { -brand-name-mozilla-foundation } Pledge
manifesto-details-the-mozilla-foundation-pleges = The { -brand-name-mozilla } Foundation pledges to support the { -brand-name-mozilla } Manifesto in its activities. Specifically, we will:
manifesto-details-build-and-enable = build and enable open-source technologies and communities that support the Manifesto’s principles;
manifesto-details-build-and-deliver = build and deliver great consumer products that support the Manifesto’s principles;
manifesto-details-use-the-mozilla = use the { -brand-name-mozilla } assets (intellectual property such as copyrights and trademarks, infrastructure, funds, and reputation) to keep the internet an open platform;
manifesto-details-promote-models = promote models for creating economic value for the public benefit; and
manifesto-details-promote-the-mozilla = promote the { -brand-name-mozilla } Manifesto principles in public discourse and within the internet industry.
manifesto-details-some-foundation = Some Foundation activities—currently the creation, delivery and promotion of consumer products—are conducted primarily through the { -brand-name-mozilla-foundation }’s wholly owned subsidiary, the { -brand-name-mozilla-corporation }.
manifesto-details-invitation = Invitation
manifesto-details-the-mozilla-foundation-invites = The { -brand-name-mozilla } Foundation invites all others who support the principles of the { -brand-name-mozilla } Manifesto to join with us, and to find new ways to make this vision of the internet a reality.
